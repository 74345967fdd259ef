using MailAssist.Api.Data;
using Microsoft.Extensions.Options;

namespace MailAssist.Api.Privacy;

/// <summary>
/// Runs <see cref="TextRetention"/> as soon as the database is migrated, then every
/// <see cref="PrivacyOptions.RetentionSweepMinutes"/>. A database outage postpones a round; it never stops the job.
/// </summary>
public sealed class RetentionService(
    TextRetention retention, Migrator migrator, IOptions<PrivacyOptions> options, TimeProvider time, ILogger<RetentionService> logger)
    : BackgroundService
{
    private static readonly TimeSpan NotReadyDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!await TryPurgeAsync(stoppingToken)) await Task.Delay(NotReadyDelay, time, stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.RetentionSweepMinutes), time);
        while (await timer.WaitForNextTickAsync(stoppingToken)) await TryPurgeAsync(stoppingToken);
    }

    // False while the database is unreachable or not yet migrated.
    private async Task<bool> TryPurgeAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (!await migrator.IsUpToDateAsync(stoppingToken)) return false;
            var deleted = await retention.PurgeAsync(stoppingToken);
            if (deleted is null) logger.LogDebug("Text retention skipped: another instance is purging.");
            else logger.LogInformation("Text retention deleted {Count} texts older than {RetentionDays} days.", deleted, options.Value.RetentionDays);
            return true;
        }
        catch (Exception e) when (DatabaseErrors.IsUnavailable(e) && !stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Text retention postponed: database unavailable ({Reason}).", e.GetType().Name);
            return false;
        }
    }
}
