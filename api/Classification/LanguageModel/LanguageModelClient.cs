using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.Core;
using OpenAI;
using OpenAI.Chat;

namespace MailAssist.Api.Classification.LanguageModel;

/// <summary>
/// Builds the OpenAI chat client for either provider. Azure OpenAI is reached through its v1
/// endpoint, with the key or else an Entra ID token. The client's own retries and timeout are off:
/// the resilience pipeline owns them, so they do not multiply.
/// </summary>
public static class LanguageModelClient
{
    public const string AzureScope = "https://cognitiveservices.azure.com/.default";

    /// <summary>Key of an optional HttpClient for the model's traffic (a proxy, a private certificate authority).</summary>
    public const string HttpClientKey = "language-model";

    public static ChatClient Create(ClassifierOptions options, Func<TokenCredential> entraCredential, HttpClient? httpClient)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = WithTrailingSlash(options.Endpoint!),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
            UserAgentApplicationId = "MailAssist",
        };
        if (httpClient is not null) clientOptions.Transport = new HttpClientPipelineTransport(httpClient);
        // The AuthenticationPolicy constructor is marked for evaluation, yet it is Microsoft's documented
        // route for Entra ID against the Azure OpenAI v1 endpoint.
#pragma warning disable OPENAI001
        OpenAIClient client = (options.Provider, options.ApiKey) switch
        {
            (_, { Length: > 0 } key) => new OpenAIClient(new ApiKeyCredential(key), clientOptions),
            (ClassifierOptions.AzureOpenAi, _) => new OpenAIClient(new BearerTokenPolicy(entraCredential(), AzureScope), clientOptions),
            _ => new OpenAIClient(new NoAuthentication(), clientOptions),
        };
#pragma warning restore OPENAI001
        return client.GetChatClient(options.Model);
    }

    private static Uri WithTrailingSlash(Uri endpoint) =>
        endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");

    /// <summary>A self-hosted server without a key gets no Authorization header at all.</summary>
    private sealed class NoAuthentication : AuthenticationPolicy
    {
        public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) =>
            ProcessNext(message, pipeline, currentIndex);

        public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) =>
            ProcessNextAsync(message, pipeline, currentIndex);
    }
}
