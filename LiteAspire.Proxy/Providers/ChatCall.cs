using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Providers;

/// <summary>One chat completion as an adapter sees it.</summary>
public sealed class ChatCall
{
    /// <summary>Where the call goes.</summary>
    public required ResolvedDeployment Deployment { get; init; }

    /// <summary>
    /// The request in OpenAI chat-completions shape (the client's body, deployment defaults merged in, LiteLLM-only
    /// fields such as <c>metadata</c>/<c>fallbacks</c>/<c>caching</c> removed, and <c>model</c> set to the upstream model).
    /// Adapters read it and must not keep references to it.
    /// </summary>
    public required JsonObject Request { get; init; }

    /// <summary>True when the client asked for <c>stream: true</c>.</summary>
    public bool Stream => Request["stream"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;

    /// <summary><c>drop_params</c> in force (request, deployment or <c>litellm_settings</c>): drop unsupported params instead of a 400.</summary>
    public bool DropParams { get; init; }

    /// <summary>The per-request id (<c>x-litellm-call-id</c>).</summary>
    /// <remarks>Made on first read when not given: the pipeline always gives one, and a fresh id per call costs.</remarks>
    public string CallId { get => field ??= Pipeline.CallIds.New(); init; }

    /// <summary>Headers from the client that are forwarded as-is (<c>anthropic-beta</c>, ...), lower-case names.</summary>
    public IReadOnlyDictionary<string, string> ForwardedHeaders { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
}
