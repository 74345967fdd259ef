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
            return new NpgsqlDataSourceBuilder(parsed.ConnectionString).Build();
        });
        builder.Services.AddSingleton<Migrator>();
        builder.Services.AddHostedService<MigrationService>();
        return builder;
    }
}
