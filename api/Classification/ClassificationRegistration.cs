using MailAssist.Api.Classification.Guards;
using MailAssist.Api.Classification.LanguageModel;
using Microsoft.Extensions.Options;

namespace MailAssist.Api.Classification;

public static class ClassificationRegistration
{
    /// <summary>The local classifier's key: it answers alone, or when the language model cannot.</summary>
    public const string LocalKey = "local";

    public static IHostApplicationBuilder AddClassification(this IHostApplicationBuilder builder)
    {
        builder.Services.AddKeyedSingleton<IClassifier, PlaceholderClassifier>(LocalKey);
        builder.AddLanguageModel();
        // The configured classifier, always behind the guards.
        builder.Services.AddSingleton<IClassifier>(services => new GuardedClassifier(
            services.GetRequiredService<IOptions<ClassifierOptions>>().Value.UsesLanguageModel
                ? services.GetRequiredService<LanguageModelClassifier>()
                : services.GetRequiredKeyedService<IClassifier>(LocalKey)));
        return builder;
    }
}

// Scaffolding only: replaced by the local model (issue 2, item 6).
internal sealed class PlaceholderClassifier : IClassifier
{
    public Task<ClassificationResult> ClassifyAsync(ClassificationInput input, CancellationToken cancellationToken) =>
        Task.FromResult(new ClassificationResult(Messages.MailAction.Videresend, input.Directory.OfKind("servicetorget")?.Id, 0.5, true,
            "Ingen modell er lastet ennå.", [], [], "placeholder"));
}
