using MailAssist.Api.Classification.LanguageModel;
using MailAssist.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace MailAssist.Tests.Classification.LanguageModel;

public sealed class ClassifierOptionsTests
{
    private static IReadOnlyList<string> Errors(Action<ClassifierOptions> change)
    {
        var options = new ClassifierOptions();
        change(options);
        return new ClassifierOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];
    }

    [Test]
    public void Default_local_configuration_is_valid() => Assert.That(Errors(_ => { }), Is.Empty);

    [TestCase("azure-openai", "Classifier__Endpoint is required when Classifier__Provider is azure-openai")]
    [TestCase("azure-openai", "Classifier__Model is required when Classifier__Provider is azure-openai")]
    [TestCase("openai-compatible", "Classifier__Endpoint is required when Classifier__Provider is openai-compatible")]
    public void Model_provider_without_endpoint_or_model_is_refused_naming_the_key(string provider, string message) =>
        Assert.That(Errors(o => o.Provider = provider), Has.Some.StartsWith(message));

    [Test]
    public void Unknown_provider_is_refused() =>
        Assert.That(Errors(o => o.Provider = "gpt"), Has.Some.StartsWith("Classifier__Provider must be local, azure-openai or openai-compatible"));

    [Test]
    public void Azure_endpoint_must_be_the_v1_endpoint() =>
        Assert.That(Errors(o => { o.Provider = "azure-openai"; o.Model = "gpt-4o-mini"; o.Endpoint = new Uri("https://x.openai.azure.com/"); }),
            Has.Some.StartsWith("Classifier__Endpoint must be the Azure OpenAI v1 endpoint"));

    [Test]
    public void Entra_ID_needs_https() =>
        Assert.That(Errors(o => { o.Provider = "azure-openai"; o.Model = "gpt-4o-mini"; o.Endpoint = new Uri("http://x.openai.azure.com/openai/v1/"); }),
            Has.Some.StartsWith("Classifier__Endpoint must use https when Classifier__ApiKey is not set"));

    [Test]
    public void Resilience_settings_out_of_range_are_refused_naming_the_key()
    {
        var errors = Errors(o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(40);
            o.TotalTimeout = TimeSpan.FromSeconds(30);
            o.MaxRetries = 50;
            o.BreakerFailureRatio = 0;
            o.MaxOutputTokens = 20;
        });

        Assert.That(errors, Has.Some.StartsWith("Classifier__TotalTimeout"));
        Assert.That(errors, Has.Some.StartsWith("Classifier__MaxRetries"));
        Assert.That(errors, Has.Some.StartsWith("Classifier__BreakerFailureRatio"));
        Assert.That(errors, Has.Some.StartsWith("Classifier__MaxOutputTokens"));
    }

    [Test]
    public async Task Api_does_not_start_with_an_incomplete_model_configuration()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var api = new ApiFactory(database, new Dictionary<string, string?> { ["Classifier:Provider"] = "azure-openai" });

        var failure = Assert.CatchAsync(api.StartAsync);

        Assert.That(failure, Is.InstanceOf<OptionsValidationException>());
        Assert.That(failure!.Message, Does.Contain("Classifier__Endpoint is required when Classifier__Provider is azure-openai"));
    }

    [Test]
    public void Classifier_is_not_built_from_an_incomplete_configuration_outside_the_web_host()
    {
        using var host = new ClassifierHost(new Dictionary<string, string?> { ["Classifier:Provider"] = "openai-compatible" });

        Assert.That(() => host.Classifier, Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("Classifier__Endpoint"));
    }
}
