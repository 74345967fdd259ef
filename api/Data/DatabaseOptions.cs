using System.Globalization;
using MailAssist.Api.Suggestions;
using Npgsql;

namespace MailAssist.Api.Data;

public static class DatabaseRegistration
{
    public static IHostApplicationBuilder AddDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(services =>
        {
            var connectionString = builder.Configuration.GetConnectionString("MailAssist");
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException(
                    "ConnectionStrings:MailAssist is not set. Set ConnectionStrings__MailAssist, or start the API with ./run.sh, which starts a local PostgreSQL.");
            NpgsqlConnectionStringBuilder parsed;
            try
            {
                parsed = new NpgsqlConnectionStringBuilder(connectionString);
            }
            catch (ArgumentException e)
            {
                throw new InvalidOperationException($"ConnectionStrings:MailAssist is not a valid PostgreSQL connection string: {e.Message}");
            }
            parsed.ApplicationName ??= "MailAssist";
            ApplyPerformanceDefaults(parsed, connectionString);
            return new NpgsqlDataSourceBuilder(parsed.ConnectionString).Build();
        });
        builder.Services.AddSingleton<Migrator>();
        builder.Services.AddHostedService<MigrationService>();
        return builder;
    }

    /// <summary>
    /// Every request runs the same few statements, so they are prepared once per connection; and no statement leaves
    /// session state behind, so a pooled connection needs no reset. Either may be overridden in the connection string.
    /// The similar-messages threshold is a session setting, given once when a connection starts.
    /// </summary>
    private static void ApplyPerformanceDefaults(NpgsqlConnectionStringBuilder connection, string given)
    {
        var keys = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = given }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!keys.Contains("MaxAutoPrepare")) connection.MaxAutoPrepare = 64;
        if (!keys.Contains("NoResetOnClose")) connection.NoResetOnClose = true;
        connection.Options = $"{connection.Options} -c pg_trgm.similarity_threshold={SimilarMessages.MinimumSimilarity.ToString(CultureInfo.InvariantCulture)}".Trim();
    }
}
