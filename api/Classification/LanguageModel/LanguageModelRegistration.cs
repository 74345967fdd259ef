using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MailAssist.Api.Classification.LanguageModel;

public static class LanguageModelRegistration
{
    public static IHostApplicationBuilder AddLanguageModel(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClassifierOptions>().BindConfiguration(ClassifierOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ClassifierOptions>, ClassifierOptionsValidator>();
        builder.Services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        builder.Services.AddSingleton(services => LanguageModelClient.Create(
            services.GetRequiredService<IOptions<ClassifierOptions>>().Value, services.GetRequiredService<TokenCredential>,
            services.GetKeyedService<HttpClient>(LanguageModelClient.HttpClientKey)));
        builder.Services.AddSingleton<LanguageModelResilience>();
        builder.Services.AddSingleton<LanguageModelClassifier>();
        return builder;
    }
}
