using System.Text.Json;
using System.Text.Json.Nodes;

using LiteAspire.Data.Schema;

namespace LiteAspire.Proxy.Management.Keys;

/// <summary>LiteLLM's <c>GenerateKeyResponse</c>: the key's row, the plaintext key (shown this once) and the echoed request fields.</summary>
public static class KeyResponses
{
    // Request fields LiteLLM echoes from where it stored them (the key's metadata).
    private static readonly string[] s_fromMetadata = ["tags", "guardrails", "model_rpm_limit", "model_tpm_limit"];

    /// <summary>The answer of <c>/key/generate</c> and <c>/key/regenerate</c>.</summary>
    public static JsonObject Generated(VerificationToken row, string plaintext, string? duration)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(plaintext);
        var info = JsonSerializer.SerializeToNode(KeyInfo.From(row, withToken: true), ManagementJson.Options)!.AsObject();
        var response = new JsonObject
        {
            ["key"] = plaintext,
            ["key_name"] = row.KeyName,
            ["token"] = row.Token,
            ["token_id"] = row.Token,
            ["expires"] = info["expires"]?.DeepClone(),
            ["duration"] = duration,
            ["soft_budget"] = row.Budget?.SoftBudget,
        };
        var metadata = JsonText.ParseObject(row.Metadata);
        foreach (var name in s_fromMetadata)
        {
            response[name] = metadata?[name]?.DeepClone();
        }

        foreach (var (name, value) in info)
        {
            if (!response.ContainsKey(name))
            {
                response[name] = value?.DeepClone();
            }
        }

        return response;
    }
}
