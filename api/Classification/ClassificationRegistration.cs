namespace MailAssist.Api.Classification;

public static class ClassificationRegistration
{
    public static IHostApplicationBuilder AddClassification(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IClassifier, PlaceholderClassifier>();
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
