using MailAssist.Api.Data;

namespace MailAssist.Api.Classification.Local;

/// <summary>A model version the local classifier serves; version 0 is the corpus model trained in memory (eval, no database).</summary>
public sealed record ServedModel(int Version, LocalModel Model)
{
    public string Name => Version > 0 ? $"local-v{Version}" : "local-corpus";
}

/// <summary>
/// Serves the latest stored model version, asking the database for the latest version number at
/// most every 30 s so a retrain reaches every instance. When nothing is stored yet, the corpus model
/// is trained and stored as version 1. The database holds the truth; this is only a cache.
/// </summary>
public sealed class LocalModelCache(ClassifierModelStore store, TimeProvider time, ILogger<LocalModelCache> logger)
{
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _snapshot;

    /// <summary>True once a model version has been loaded; it is then served even while the database is away.</summary>
    public bool IsLoaded => _snapshot is not null;

    public async ValueTask<ServedModel> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_snapshot is { } fresh && time.GetElapsedTime(fresh.CheckedAt) < RecheckInterval) return fresh.Model;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var snapshot = _snapshot;
            if (snapshot is not null && time.GetElapsedTime(snapshot.CheckedAt) < RecheckInterval) return snapshot.Model;
            var model = snapshot?.Model;
            try
            {
                var latest = await store.LatestVersionAsync(cancellationToken)
                    ?? await store.EnsureFirstAsync(CorpusModel.FirstDraft, cancellationToken);
                if (model?.Version != latest)
                {
                    model = new ServedModel(latest, await store.LoadAsync(latest, cancellationToken));
                    logger.LogInformation("Local classifier serves model version {Version}.", latest);
                }
            }
            catch (Exception e) when (model is not null && DatabaseErrors.IsUnavailable(e))
            {
                logger.LogWarning("Could not check for a newer local model ({Reason}); serving version {Version}.", e.GetType().Name, model.Version);
            }
            _snapshot = new Snapshot(model!, time.GetTimestamp());
            return model!;
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed record Snapshot(ServedModel Model, long CheckedAt);
}
