using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PartyPlatform.Platform.Benchmark;

/// <summary>One Party organisation of the benchmark's campaigns: its households and how many of them the run visits.</summary>
public sealed record SurveyOrganization(int Index, Guid Id, string Code, Guid CountyId, int Households, int Visits);

/// <summary>One synthetic household visit, with the fields of a line of an ingest.</summary>
public sealed record SyntheticVisit(
    Guid OrganizationId, string OrganizationCode, string HouseholdKey, string HouseholdName, string Phone, DateOnly VisitedOn, string Visitor, string Said);

/// <summary>
/// The benchmark's visits, deterministic for a seed: each organisation's households are its share of the city's (weights
/// drawn from the seed), each visited household once, its key distinct within the organisation, its day inside the period.
/// Generated as they are read, never held whole.
/// </summary>
public static class SyntheticVisits
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡"];
    private static readonly string[] GivenNames = ["建国", "秀英", "志强", "桂兰", "明", "丽", "伟", "芳", "军", "红梅", "海燕", "永华"];
    private static readonly string[] Sayings =
    [
        "希望村里道路尽快硬化", "反映灌溉用水紧张", "对村干部工作满意", "建议增设卫生室", "孩子上学路远", "低保评定希望更公开", "", "农产品销路不畅",
    ];

    /// <summary>
    /// Spreads <paramref name="households"/> over the organisations (each 1 to 100,000) and <paramref name="visits"/> over their households,
    /// in proportion; the organisations in code order, so the same seed gives the same file.
    /// </summary>
    public static IReadOnlyList<SurveyOrganization> Spread(
        IReadOnlyList<(Guid Id, string Code, Guid CountyId)> organizations, long households, long visits, int seed)
    {
        if (visits > households)
        {
            throw new ArgumentException($"{visits} visits to distinct households need at least as many households, not {households}.");
        }

        var ordered = organizations.OrderBy(o => o.Code, StringComparer.Ordinal).ToList();
        var random = new Random(seed);
        var weights = ordered.Select(_ => 0.5 + random.NextDouble()).ToList();
        var sum = weights.Sum();
        var counts = weights.Select(w => (int)Math.Clamp(Math.Floor(households * w / sum), 1, 100_000)).ToArray();
        for (var i = 0; counts.Sum(c => (long)c) < households; i = (i + 1) % counts.Length)
        {
            counts[i]++;
        }

        var total = counts.Sum(c => (long)c);
        var visited = counts.Select(c => (int)(visits * c / total)).ToArray();
        for (var i = 0; visited.Sum(v => (long)v) < visits; i = (i + 1) % visited.Length)
        {
            if (visited[i] < counts[i])
            {
                visited[i]++;
            }
        }

        return ordered.Select((o, i) => new SurveyOrganization(i, o.Id, o.Code, o.CountyId, counts[i], visited[i])).ToList();
    }

    /// <summary>The organisations' visits, organisation by organisation: the file a county system would export.</summary>
    public static IEnumerable<SyntheticVisit> Of(IEnumerable<SurveyOrganization> organizations, DateOnly startsOn, int days, int seed)
    {
        foreach (var organization in organizations)
        {
            var random = new Random(unchecked(seed * 7_919 + organization.Index));
            for (var household = 0; household < organization.Visits; household++)
            {
                yield return new SyntheticVisit(
                    organization.Id,
                    organization.Code,
                    $"{organization.Code}-{household:D6}",
                    Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)],
                    $"1{random.Next(3, 10)}{random.Next(0, 1_000_000_000):D9}",
                    startsOn.AddDays(random.Next(days)),
                    Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)],
                    Sayings[random.Next(Sayings.Length)]);
            }
        }
    }
}

/// <summary>
/// Visits as an NDJSON body (UTF-8, Chinese unescaped as a county system would send it), written as it is read: the
/// upload's bytes for the gateway, and the same bytes for the ingest run in process.
/// </summary>
public sealed class NdjsonVisits(IEnumerable<SyntheticVisit> visits) : Stream
{
    private static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly IEnumerator<SyntheticVisit> next = visits.GetEnumerator();
    private readonly ArrayBufferWriter<byte> buffer = new(64 * 1024);
    private Utf8JsonWriter? writer;
    private int offset;

    /// <summary>The lines written so far.</summary>
    public long Lines { get; private set; }

    /// <summary>The bytes read so far.</summary>
    public long Bytes { get; private set; }

    public override int Read(Span<byte> destination)
    {
        while (offset == buffer.WrittenCount)
        {
            buffer.ResetWrittenCount();
            offset = 0;
            if (!Fill())
            {
                return 0;
            }
        }

        var count = Math.Min(destination.Length, buffer.WrittenCount - offset);
        buffer.WrittenSpan.Slice(offset, count).CopyTo(destination);
        offset += count;
        Bytes += count;
        return count;
    }

    public override int Read(byte[] destination, int start, int count) => Read(destination.AsSpan(start, count));

    public override ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(destination.Span));

    public override Task<int> ReadAsync(byte[] destination, int start, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(destination.AsSpan(start, count)));

    /// <returns>Whether lines were written: up to 32 KiB of them at a time.</returns>
    private bool Fill()
    {
        while (buffer.WrittenCount < 32 * 1024 && next.MoveNext())
        {
            var visit = next.Current;
            if (writer is null)
            {
                writer = new Utf8JsonWriter(buffer, Json);
            }
            else
            {
                writer.Reset(buffer);
            }

            writer.WriteStartObject();
            writer.WriteString("organizationCode", visit.OrganizationCode);
            writer.WriteString("householdKey", visit.HouseholdKey);
            writer.WriteString("householdName", visit.HouseholdName);
            writer.WriteString("phone", visit.Phone);
            writer.WriteString("visitedOn", visit.VisitedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("visitor", visit.Visitor);
            writer.WriteString("said", visit.Said);
            writer.WriteEndObject();
            writer.Flush();
            buffer.Write("\n"u8);
            Lines++;
        }

        return buffer.WrittenCount > 0;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => Bytes;
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] source, int start, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            writer?.Dispose();
            next.Dispose();
        }

        base.Dispose(disposing);
    }
}
