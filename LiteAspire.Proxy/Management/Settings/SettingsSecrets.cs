using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Management.Settings;

/// <summary>
/// Settings as the read-only settings routes show them: config values turned into JSON with every credential replaced by
/// <see cref="Redacted"/> (LiteLLM's marker), URLs without their user info and query, and no value that looks like a key.
/// </summary>
public static class SettingsSecrets
{
    /// <summary>What a credential is shown as (LiteLLM's <c>/cache/settings</c> marker).</summary>
    public const string Redacted = "***REDACTED***";

    // Parts of a setting's name that mark its value as a credential (redis_password, LANGFUSE_SECRET_KEY, OTEL_HEADERS, ...).
    private static readonly string[] s_secretParts =
        ["key", "secret", "password", "passwd", "token", "credential", "auth", "webhook", "header", "dsn", "connection_string", "cookie"];

    /// <summary>True when a setting called <paramref name="name"/> holds a credential.</summary>
    public static bool IsSecretName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var part in s_secretParts)
        {
            if (name.Contains(part, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <paramref name="value"/> (a config.yaml value: map, list, string, number, bool) as JSON, the whole value redacted when
    /// <paramref name="name"/> is a credential's name, and every nested credential redacted too.
    /// </summary>
    public static JsonNode? Masked(string? name, object? value)
    {
        if (value is null)
        {
            return null;
        }

        if (name is not null && IsSecretName(name))
        {
            return Redacted;
        }

        switch (value)
        {
            case IReadOnlyDictionary<string, object?> map:
                var masked = new JsonObject();
                foreach (var (key, item) in map)
                {
                    masked[key] = Masked(key, item);
                }

                return masked;
            case string text:
                return Text(text);
            case System.Collections.IEnumerable list:
                var items = new JsonArray();
                foreach (var item in list)
                {
                    items.Add(Masked(null, item));
                }

                return items;
            default:
                return JsonSerializer.SerializeToNode(value);
        }
    }

    // A key-shaped string is never shown; a URL loses what may carry a credential (user:password@, ?key=...).
    private static string Text(string text)
    {
        if (text.StartsWith("sk-", StringComparison.Ordinal))
        {
            return Redacted;
        }

        if (text.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0))
        {
            return new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty, Query = string.Empty, Fragment = string.Empty }.Uri.ToString();
        }

        return text;
    }
}
