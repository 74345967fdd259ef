namespace MailAssist.Tests.Infrastructure;

/// <summary>A fixture whose API asks a fake OpenAI-compatible server (<see cref="Model"/>) for suggestions.</summary>
public abstract class ModelApiTest : ApiTest
{
    protected FakeOpenAiServer Model { get; private set; } = null!;

    protected override async Task<IReadOnlyDictionary<string, string?>> SettingsAsync()
    {
        Model = await FakeOpenAiServer.StartAsync();
        var settings = ClassifierHost.Settings(Model);
        Configure(settings);
        return settings;
    }

    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    [OneTimeTearDown]
    public async Task StopModel() => await Model.DisposeAsync();
}
