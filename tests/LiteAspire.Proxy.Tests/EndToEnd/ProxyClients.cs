using System.ClientModel;
using System.ClientModel.Primitives;

using OpenAI;

namespace LiteAspire.Proxy.Tests.EndToEnd;

/// <summary>SDK clients pointed at the in-memory proxy with the master key, as a user's app would be pointed at LiteLLM.</summary>
internal static class ProxyClients
{
    /// <summary>What the fake answers: this, then the first 40 characters of the last user message.</summary>
    public const string FakeReplyPrefix = "This is a fake response to: ";

    /// <summary>
    /// The start of the fake's answer after a tool result. Where the provider carries the result in a user turn (Anthropic's
    /// tool_result, Gemini's functionResponse) the fake echoes that turn's text, which may be empty, so only this much is fixed.
    /// </summary>
    public const string FakeReplyAfterTool = "This is a fake response to:";

    public static ApiKeyCredential Key { get; } = new(EndToEndFixture.MasterKey);

    /// <summary>OpenAI SDK options whose transport is the proxy's in-memory server, with the SDK's retries off.</summary>
    public static OpenAIClientOptions OpenAIOptions(HttpClient proxy) => new()
    {
        Endpoint = new Uri(proxy.BaseAddress!, "v1"),
        Transport = new HttpClientPipelineTransport(proxy),
        // A retried failure would only slow the test down before failing it the same way.
        RetryPolicy = new ClientRetryPolicy(0),
    };
}
