using System.Net;
using System.Text.Json;
using PartyPlatform.Security;

namespace PartyPlatform.TestInfrastructure.Authorization;

/// <summary>
/// Every operation of a service (from its endpoint metadata or its OpenAPI document, so a new
/// endpoint is in the matrix without editing a test) against each kind of caller, aimed at real
/// entities of county B, each write with a body valid for it. A caller outside county B must get
/// exactly what the README's scope rule promises, and change nothing; the same call by a caller
/// who may make it must then succeed, which proves the ids and the body were good.
/// </summary>
public sealed class AuthorizationMatrix(IReadOnlyList<MatrixOperation> operations, MatrixTargets targets, StateSnapshot snapshot)
{
    private const string City = "city administrator";

    private IEnumerable<MatrixOperation> Reads => operations.Where(o => o.IsRead);

    /// <summary>A caller without a valid token gets 401 from every read and every write, and nothing changes.</summary>
    public async Task<MatrixReport> RefusedAtTheDoorAsync(string name, HttpClient caller, CancellationToken ct)
    {
        var report = Start();
        var before = await snapshot(null, ct);
        foreach (var (operation, write) in Calls())
        {
            var path = targets.PathOf(operation, write?.Route);
            var response = await SendAsync(caller, operation.Method, path, write?.Body, ct);
            await ExpectAsync(report, name, Label(operation, write), path, response, HttpStatusCode.Unauthorized, ct);
        }

        if (await snapshot(null, ct) != before)
        {
            report.Violations.Add($"{name}: the calls changed the state");
        }

        return report;
    }

    /// <summary>
    /// For each operation, each of <paramref name="outsiders"/> gets exactly the promised status: a
    /// read 200 without anything of county B, or 404 where the path names county B's entity (as a
    /// missing id does), or 403 where one role alone reads and the outsider lacks it; a write 404
    /// (path), 403 (body or city only) or 403 (viewer), with the state unchanged. Then the same call
    /// succeeds for <paramref name="insider"/> (an operator of the targets' county), for
    /// <paramref name="city"/> (the city administrator) where only the city may, or for
    /// <paramref name="insiderWith"/>'s caller of the targets' county in the one role a read admits.
    /// </summary>
    public async Task<MatrixReport> OutsideTheUnitAsync(
        IReadOnlyList<MatrixCaller> outsiders, MatrixCaller insider, HttpClient city, Func<string, MatrixCaller> insiderWith, CancellationToken ct)
    {
        var report = Start();
        foreach (var read in Reads)
        {
            var path = targets.PathOf(read);
            var inScope = targets.NamesScopedEntity(read) ? HttpStatusCode.NotFound : HttpStatusCode.OK;
            foreach (var outsider in outsiders)
            {
                var expected = read.RequiredRole is { } role && role != outsider.Role ? HttpStatusCode.Forbidden : inScope;
                var response = await SendAsync(outsider.Client, read.Method, path, null, ct);
                await CheckRefusalAsync(report, outsider, read, null, path, response, expected, ct);
            }

            var holder = read.RequiredRole switch
            {
                null => insider,
                PlatformRoles.CityAdministrator => new MatrixCaller(City, city),
                var role => insiderWith(role),
            };
            await ExpectAsync(report, holder.Name, Label(read, null), path, await SendAsync(holder.Client, read.Method, path, null, ct), HttpStatusCode.OK, ct);
        }

        foreach (var (operation, write) in Writes())
        {
            var path = targets.PathOf(operation, write.Route);
            var before = await snapshot(write, ct);
            foreach (var outsider in outsiders)
            {
                var expected = outsider.IsViewer || write.Refusal != Refusal.PathOutside ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;
                var response = await SendAsync(outsider.Client, operation.Method, path, write.Body, ct);
                await CheckRefusalAsync(report, outsider, operation, write, path, response, expected, ct);
            }

            if (await snapshot(write, ct) != before)
            {
                report.Violations.Add($"{Label(operation, write)}: a refused call changed the state");
            }

            var (name, client) = write.Refusal == Refusal.CityOnly ? (City, city) : (insider.Name, insider.Client);
            await ExpectSuccessAsync(report, name, client, operation, write, path, before, ct);
        }

        return report;
    }

    /// <summary>
    /// The city administrator reads everything (200) but what another role alone may read (403: personal
    /// information is the personnel officers'), and makes every write (2xx).
    /// </summary>
    public async Task<MatrixReport> CityAsync(HttpClient city, CancellationToken ct)
    {
        var report = Start();
        foreach (var read in Reads)
        {
            var path = targets.PathOf(read);
            var expected = read.RequiredRole is null or PlatformRoles.CityAdministrator ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            await ExpectAsync(report, City, Label(read, null), path, await SendAsync(city, read.Method, path, null, ct), expected, ct);
        }

        foreach (var (operation, write) in Writes())
        {
            await ExpectSuccessAsync(report, City, city, operation, write, targets.PathOf(operation, write.Route), await snapshot(write, ct), ct);
        }

        return report;
    }

    /// <summary>A report that starts with every write the targets give no body for, and every body for no operation.</summary>
    private MatrixReport Start()
    {
        var report = new MatrixReport();
        report.Violations.AddRange(operations.Where(o => !o.IsRead && !targets.Writes.Any(w => Matches(o, w)))
            .Select(o => $"{o}: the matrix has no body for this write; give one in the test's targets"));
        report.Violations.AddRange(targets.Writes.Where(w => !operations.Any(o => Matches(o, w)))
            .Select(w => $"{w}: no such operation"));
        return report;
    }

    private IEnumerable<(MatrixOperation Operation, MatrixWrite? Write)> Calls() =>
        Reads.Select(r => (r, (MatrixWrite?)null)).Concat(Writes().Select(w => (w.Operation, (MatrixWrite?)w.Write)));

    private IEnumerable<(MatrixOperation Operation, MatrixWrite Write)> Writes() =>
        operations.Where(o => !o.IsRead).SelectMany(o => targets.Writes.Where(w => Matches(o, w)).Select(w => (o, w)));

    private async Task CheckRefusalAsync(
        MatrixReport report, MatrixCaller outsider, MatrixOperation operation, MatrixWrite? write, string path,
        HttpResponseMessage response, HttpStatusCode expected, CancellationToken ct)
    {
        var label = Label(operation, write);
        if (!await ExpectAsync(report, outsider.Name, label, path, response, expected, ct))
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            if (targets.ForeignMarkers.FirstOrDefault(m => body.Contains(m, StringComparison.Ordinal)) is { } marker)
            {
                report.Violations.Add($"{outsider.Name}: {label}: shows '{marker}' of county B");
            }

            return;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            report.Violations.Add($"{outsider.Name}: {label}: {(int)response.StatusCode} is not a ProblemDetails");
        }

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            // What a caller outside learns must be exactly what it learns of an id nothing has.
            var missing = await SendAsync(outsider.Client, operation.Method, targets.PathOf(operation, write?.Route, missingIds: true), write?.Body, ct);
            if (await ShapeDifferenceAsync(response, missing, ct) is { } difference)
            {
                report.Violations.Add($"{outsider.Name}: {label}: the 404 differs from a missing id's: {difference}");
            }
        }
    }

    private async Task ExpectSuccessAsync(
        MatrixReport report, string name, HttpClient client, MatrixOperation operation, MatrixWrite write, string path, string before, CancellationToken ct)
    {
        var label = Label(operation, write);
        var response = await SendAsync(client, operation.Method, path, write.Body, ct);
        report.Record(label, name, response.StatusCode);
        if (!response.IsSuccessStatusCode)
        {
            report.Violations.Add($"{name}: {label} {path}: {(int)response.StatusCode}, expected success: {await ExcerptAsync(response, ct)}");
        }
        else if (write.Changes && await snapshot(write, ct) == before)
        {
            report.Violations.Add($"{name}: {label}: succeeded but changed nothing the snapshot shows");
        }
    }

    private static async Task<bool> ExpectAsync(
        MatrixReport report, string caller, string label, string path, HttpResponseMessage response, HttpStatusCode expected, CancellationToken ct)
    {
        report.Record(label, caller, response.StatusCode);
        if (response.StatusCode == expected)
        {
            return true;
        }

        report.Violations.Add($"{caller}: {label} {path}: {(int)response.StatusCode}, expected {(int)expected}: {await ExcerptAsync(response, ct)}");
        return false;
    }

    private static async Task<string?> ShapeDifferenceAsync(HttpResponseMessage outside, HttpResponseMessage missing, CancellationToken ct)
    {
        if (missing.StatusCode != outside.StatusCode)
        {
            return $"a missing id answers {(int)missing.StatusCode}";
        }

        if (missing.Content.Headers.ContentType?.ToString() != outside.Content.Headers.ContentType?.ToString())
        {
            return $"content type {outside.Content.Headers.ContentType} against {missing.Content.Headers.ContentType}";
        }

        var (a, b) = (await FieldsAsync(outside, ct), await FieldsAsync(missing, ct));
        return a == b ? null : $"{a} against {b}";
    }

    /// <summary>The ProblemDetails' field names, and the values of those that do not name the request (type, title, status, detail).</summary>
    private static async Task<string> FieldsAsync(HttpResponseMessage response, CancellationToken ct)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return string.Join(", ", json.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Name is "type" or "title" or "status" or "detail" ? $"{p.Name}={p.Value}" : p.Name));
    }

    private static async Task<string> ExcerptAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        return body[..Math.Min(body.Length, 300)];
    }

    private static bool Matches(MatrixOperation operation, MatrixWrite write) =>
        operation.Method == write.Method && operation.Pattern == write.Pattern;

    private static string Label(MatrixOperation operation, MatrixWrite? write) =>
        write is null || write.Body.Kind is "json" or "none" ? operation.ToString() : $"{operation} ({write.Body.Kind})";

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, MatrixBody? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body?.Create() };
        return await client.SendAsync(request, ct);
    }
}
