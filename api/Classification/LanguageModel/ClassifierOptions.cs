using Microsoft.Extensions.Options;

namespace MailAssist.Api.Classification.LanguageModel;

/// <summary>The "Classifier" section: which classifier answers, and how a language model is reached and guarded.</summary>
public sealed class ClassifierOptions
{
    public const string Section = "Classifier";
    public const string Local = "local";
    public const string AzureOpenAi = "azure-openai";
    public const string OpenAiCompatible = "openai-compatible";

    public string Provider { get; set; } = Local;
    public Uri? Endpoint { get; set; }
    public string? Model { get; set; }
    public string? ApiKey { get; set; }

    /// <summary>One request to the model; a slower answer is abandoned and retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Everything, retries and their waits included; then the local classifier answers.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public int MaxRetries { get; set; } = 2;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Share of failed calls within <see cref="BreakerSamplingDuration"/> that opens the circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;
    public int BreakerMinimumThroughput { get; set; } = 5;
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Token budget of the message text in a prompt; longer text is cut.</summary>
    public int MaxInputTokens { get; set; } = 1_500;
    public int MaxOutputTokens { get; set; } = 400;

    /// <summary>A model answer below this confidence needs review.</summary>
    public double ReviewBelowConfidence { get; set; } = 0.7;

    public bool UsesLanguageModel => Provider is AzureOpenAi or OpenAiCompatible;

    /// <summary>Identifies the answering model in stored suggestions.</summary>
    public string ClassifierName => $"{Provider}:{Model}";
}

/// <summary>Start-up validation whose messages name the keys as environment variables.</summary>
public sealed class ClassifierOptionsValidator : IValidateOptions<ClassifierOptions>
{
    public ValidateOptionsResult Validate(string? name, ClassifierOptions o)
    {
        var errors = new List<string>();
        if (o.Provider is not (ClassifierOptions.Local or ClassifierOptions.AzureOpenAi or ClassifierOptions.OpenAiCompatible))
            errors.Add($"Classifier__Provider must be local, azure-openai or openai-compatible (was '{o.Provider}').");

        if (o.UsesLanguageModel)
        {
            if (o.Endpoint is null)
                errors.Add($"Classifier__Endpoint is required when Classifier__Provider is {o.Provider} " +
                    "(e.g. https://RESOURCE.openai.azure.com/openai/v1/ or http://127.0.0.1:11434/v1/).");
            else if (!o.Endpoint.IsAbsoluteUri || o.Endpoint.Scheme is not ("http" or "https"))
                errors.Add("Classifier__Endpoint must be an absolute http or https URL.");
            else if (o.Provider == ClassifierOptions.AzureOpenAi && !o.Endpoint.AbsolutePath.TrimEnd('/').EndsWith("/openai/v1", StringComparison.Ordinal))
                errors.Add("Classifier__Endpoint must be the Azure OpenAI v1 endpoint, ending in /openai/v1/ (e.g. https://RESOURCE.openai.azure.com/openai/v1/).");
            if (o.Provider == ClassifierOptions.AzureOpenAi && string.IsNullOrEmpty(o.ApiKey) && o.Endpoint?.Scheme == "http")
                errors.Add("Classifier__Endpoint must use https when Classifier__ApiKey is not set: Entra ID tokens are only sent over TLS.");
            if (string.IsNullOrWhiteSpace(o.Model))
                errors.Add($"Classifier__Model is required when Classifier__Provider is {o.Provider} (the deployment or model name).");
        }

        Require(errors, o.AttemptTimeout >= TimeSpan.FromMilliseconds(10) && o.AttemptTimeout <= TimeSpan.FromMinutes(5),
            "Classifier__AttemptTimeout must be between 00:00:00.01 and 00:05:00.");
        Require(errors, o.TotalTimeout >= o.AttemptTimeout && o.TotalTimeout <= TimeSpan.FromMinutes(10),
            "Classifier__TotalTimeout must be at least Classifier__AttemptTimeout and at most 00:10:00.");
        Require(errors, o.MaxRetries is >= 0 and <= 10, "Classifier__MaxRetries must be between 0 and 10.");
        Require(errors, o.RetryBaseDelay >= TimeSpan.Zero && o.RetryBaseDelay <= TimeSpan.FromMinutes(1),
            "Classifier__RetryBaseDelay must be between 00:00:00 and 00:01:00.");
        Require(errors, o.BreakerFailureRatio is > 0 and <= 1, "Classifier__BreakerFailureRatio must be above 0 and at most 1.");
        Require(errors, o.BreakerMinimumThroughput >= 2, "Classifier__BreakerMinimumThroughput must be at least 2.");
        Require(errors, o.BreakerSamplingDuration >= TimeSpan.FromMilliseconds(500),
            "Classifier__BreakerSamplingDuration must be at least 00:00:00.5.");
        Require(errors, o.BreakerBreakDuration >= TimeSpan.FromMilliseconds(500),
            "Classifier__BreakerBreakDuration must be at least 00:00:00.5.");
        Require(errors, o.MaxInputTokens is >= 100 and <= 100_000, "Classifier__MaxInputTokens must be between 100 and 100000.");
        Require(errors, o.MaxOutputTokens is >= 100 and <= 4_000, "Classifier__MaxOutputTokens must be between 100 and 4000.");
        Require(errors, o.ReviewBelowConfidence is >= 0 and <= 1, "Classifier__ReviewBelowConfidence must be between 0 and 1.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Require(List<string> errors, bool condition, string message)
    {
        if (!condition) errors.Add(message);
    }
}
