namespace MailAssist.Tests.Infrastructure;

/// <summary>The real API on a database of its own, with a fake OpenAI-compatible server as its language model.</summary>
public sealed class ModelBackedApi : IAsyncDisposable
{
    private readonly ApiFactory _api;

    private ModelBackedApi(TestDatabase database, FakeOpenAiServer model, ApiFactory api, HttpClient client)
    {
        Database = database;
        Model = model;
        _api = api;
        Client = client;
    }

    public TestDatabase Database { get; }
    public FakeOpenAiServer Model { get; }
    public HttpClient Client { get; }

    public static async Task<ModelBackedApi> StartAsync(Action<Dictionary<string, string?>>? configure = null)
    {
        var database = await TestDatabase.CreateAsync();
        var model = await FakeOpenAiServer.StartAsync();
        var settings = ClassifierHost.Settings(model);
        configure?.Invoke(settings);
        var api = new ApiFactory(database, settings);
        return new ModelBackedApi(database, model, api, await api.StartAsync());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _api.DisposeAsync();
        await Model.DisposeAsync();
        await Database.DisposeAsync();
    }
}
