using MailAssist.Api.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MailAssist.Tests.Data;

public sealed class DatabaseRegistrationTests
{
    private static NpgsqlConnectionStringBuilder ConnectionOf(string connectionString)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Configuration["ConnectionStrings:MailAssist"] = connectionString;
        builder.AddDatabase();
        using var services = builder.Services.BuildServiceProvider();
        return new NpgsqlConnectionStringBuilder(services.GetRequiredService<NpgsqlDataSource>().ConnectionString);
    }

    [Test]
    public void Statements_are_prepared_and_pooled_connections_kept_as_they_are_by_default()
    {
        var connection = ConnectionOf("Host=db.example;Username=mailassist");

        Assert.That(connection.MaxAutoPrepare, Is.EqualTo(64));
        Assert.That(connection.NoResetOnClose, Is.True);
        Assert.That(connection.Options, Does.Contain("-c pg_trgm.similarity_threshold=0.3"));
        Assert.That(connection.ApplicationName, Is.EqualTo("MailAssist"));
    }

    [Test]
    public void Settings_in_the_connection_string_win_over_the_defaults()
    {
        var connection = ConnectionOf("Host=db.example;Username=mailassist;Max Auto Prepare=0;NoResetOnClose=false;Options=-c statement_timeout=5000");

        Assert.That(connection.MaxAutoPrepare, Is.EqualTo(0));
        Assert.That(connection.NoResetOnClose, Is.False);
        Assert.That(connection.Options, Does.StartWith("-c statement_timeout=5000"));
    }
}
