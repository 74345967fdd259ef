using MailAssist.Api.Data;

namespace MailAssist.Api.Classification.Local;

/// <summary>Loads (or, on a new database, trains and stores) the local model once migrations are applied, so the first request is not slow.</summary>
public sealed class LocalModelWarmup(Migrator migrator, LocalModelCache cache, ILogger<LocalModelWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await migrator.IsUpToDateAsync(stoppingToken))
                {
                    await cache.CurrentAsync(stoppingToken);
                    return;
                }
            }
            catch (Exception e) when (DatabaseErrors.IsUnavailable(e) && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Database not reachable yet ({Reason}); the local model will load when it is.", e.GetType().Name);
            }
            await Task.Delay(delay, stoppingToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5_000));
        }
    }
}
