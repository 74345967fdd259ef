using MailAssist.Api.Classification.Local;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MailAssist.Api.Classification;

public static class ClassificationRegistration
{
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
        builder.Services.AddSingleton<IClassifier>(sp => sp.GetRequiredService<LocalClassifier>());
        return builder;
    }
}
