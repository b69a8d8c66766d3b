using System.Text.Encodings.Web;
using System.Text.Json;

namespace LiteAspire.Proxy.AnthropicApi;

/// <summary>JSON output settings for <c>/v1/messages</c>: like the rest of the proxy, characters such as ' and + stay unescaped.</summary>
internal static class AnthropicApiJson
{
    /// <summary>Relaxed escaping, compact output.</summary>
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
