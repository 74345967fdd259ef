namespace MailAssist.Api.Data;

/// <summary>
/// Applies migrations at start-up, retrying while the database is unreachable, so the API comes
/// up (live, not ready) even when PostgreSQL starts after it.
/// </summary>
public sealed class MigrationService(Migrator migrator, ILogger<MigrationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await migrator.ApplyAsync(stoppingToken);
                return;
            }
            catch (Exception e) when (DatabaseErrors.IsUnavailable(e) && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Database not reachable yet ({Reason}); retrying migrations in {Delay}.", e.GetType().Name, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5_000));
            }
        }
    }
}
