namespace MailAssist.Tests.Infrastructure;

/// <summary>A fixture whose tests share the API, started on a database of its own.</summary>
public abstract class ApiTest
{
    protected ApiFactory Api { get; private set; } = null!;
    protected HttpClient Client { get; private set; } = null!;
    private TestDatabase _database = null!;

    [OneTimeSetUp]
    public async Task StartApi()
    {
        _database = await TestDatabase.CreateAsync();
        Api = new ApiFactory(_database, await SettingsAsync());
        Client = await Api.StartAsync();
    }

    /// <summary>Settings the fixture's API starts with, beyond the development defaults.</summary>
    protected virtual Task<IReadOnlyDictionary<string, string?>> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>());

    [OneTimeTearDown]
    public async Task StopApi()
    {
        Client.Dispose();
        await Api.DisposeAsync();
        await _database.DisposeAsync();
    }
}
