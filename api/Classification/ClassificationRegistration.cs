using MailAssist.Api.Classification.Guards;
using MailAssist.Api.Classification.LanguageModel;
using MailAssist.Api.Classification.Local;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MailAssist.Api.Classification;

public static class ClassificationRegistration
{
    /// <summary>The local classifier's key: it answers alone, or when the language model cannot.</summary>
    public const string LocalKey = "local";

    /// <param name="offline">
    /// For commands that must not need a database (eval): the local classifier serves the corpus model trained in memory.
    /// </param>
    public static IHostApplicationBuilder AddClassification(this IHostApplicationBuilder builder, bool offline = false)
    {
        if (offline)
        {
            builder.Services.AddSingleton(new LocalClassifier(_ => ValueTask.FromResult(new ServedModel(0, CorpusModel.Get().Model))));
        }
        else
        {
            builder.Services.TryAddSingleton(TimeProvider.System);
            builder.Services.AddSingleton<ClassifierModelStore>();
            builder.Services.AddSingleton<LocalModelCache>();
            builder.Services.AddHostedService<LocalModelWarmup>();
            builder.Services.AddSingleton(sp => new LocalClassifier(sp.GetRequiredService<LocalModelCache>().CurrentAsync));
        }
        builder.Services.AddKeyedSingleton<IClassifier>(LocalKey, (sp, _) => sp.GetRequiredService<LocalClassifier>());
        builder.AddLanguageModel();
        // The configured classifier, always behind the guards.
        builder.Services.AddSingleton<IClassifier>(services => new GuardedClassifier(
            services.GetRequiredService<IOptions<ClassifierOptions>>().Value.UsesLanguageModel
                ? services.GetRequiredService<LanguageModelClassifier>()
                : services.GetRequiredKeyedService<IClassifier>(LocalKey)));
        return builder;
    }
}
