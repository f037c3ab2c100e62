using Microsoft.Extensions.Hosting;

namespace PartyPlatform.AdministrativeTree;

/// <summary>
/// Loads a service's made-up data for the demo villages of its tree copy (run mode), in the background so
/// that the service starts and answers its health checks meanwhile. The copy fills from events at its own
/// pace, so the loader loads batch after batch until none is left, looks again every check interval, and
/// stops once the number of demo villages stayed the same between two looks.
/// </summary>
public abstract class DemoVillageLoader(TimeProvider time) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    /// <summary>How long to wait before looking at the tree copy again.</summary>
    protected abstract TimeSpan CheckInterval { get; }

    /// <summary>Loads the next batch of demo villages that have nothing yet, in one transaction; how many.</summary>
    protected abstract Task<int> LoadNextBatchAsync(CancellationToken ct);

    /// <summary>How many demo villages the tree copy holds now.</summary>
    protected abstract Task<int> CountDemoVillagesAsync(CancellationToken ct);

    /// <summary>Says what was loaded, once the tree copy stopped growing and every village has its data.</summary>
    protected abstract void Loaded(int villages);

    /// <summary>Says that a look failed; the loader looks again at the next interval.</summary>
    protected abstract void Failed(Exception exception);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seen = -1;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int loaded;
                do
                {
                    loaded = await LoadNextBatchAsync(stoppingToken);
                }
                while (loaded > 0);

                var villages = await CountDemoVillagesAsync(stoppingToken);
                if (villages > 0 && villages == seen)
                {
                    Loaded(villages);
                    return;
                }

                seen = villages;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed(e);
            }

            await Task.Delay(CheckInterval, Time, stoppingToken);
        }
    }
}
