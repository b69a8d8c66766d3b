using System.Text.Json;
using System.Text.Json.Nodes;
using LiteAspire.Admin.ProxyApi;
using LiteAspire.Admin.ProxyApi.Keys;

namespace LiteAspire.Admin.Components.Pages.Keys;

/// <summary>
/// The create/edit key form: what the operator typed, checked before anything is sent, and turned into the body of
/// <c>/key/generate</c> or (only the fields that changed) <c>/key/update</c>.
/// </summary>
public sealed class KeyForm
{
    public string? Alias { get; set; }

    public IReadOnlyCollection<string> Models { get; set; } = [];

    public double? MaxBudget { get; set; }

    public string? BudgetDuration { get; set; }

    /// <summary>How long a new key lives (<c>30d</c>); empty for ever.</summary>
    public string? Duration { get; set; }

    public long? TpmLimit { get; set; }

    public long? RpmLimit { get; set; }

    public int? MaxParallelRequests { get; set; }

    public string? TeamId { get; set; }

    /// <summary>The owner of a new key (admins only; anyone else's keys are their own).</summary>
    public string? UserId { get; set; }

    /// <summary>Metadata as JSON text (an object).</summary>
    public string? MetadataJson { get; set; }

    /// <summary>The form filled with <paramref name="key"/>'s current values.</summary>
    public static KeyForm From(VirtualKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new KeyForm
        {
            Alias = key.KeyAlias,
            Models = [.. key.Models],
            MaxBudget = key.MaxBudget,
            BudgetDuration = key.BudgetDuration,
            TpmLimit = key.TpmLimit,
            RpmLimit = key.RpmLimit,
            MaxParallelRequests = key.MaxParallelRequests,
            TeamId = key.TeamId,
            UserId = key.UserId,
            MetadataJson = key.Metadata is { Count: > 0 } metadata ? metadata.ToJsonString(IndentedJson) : null,
        };
    }

    /// <summary>What is wrong with the form (nothing is sent while this is not empty).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxBudget < 0)
        {
            errors.Add("Max budget cannot be negative.");
        }

        if (TpmLimit < 0 || RpmLimit < 0 || MaxParallelRequests < 0)
        {
            errors.Add("Limits cannot be negative.");
        }

        if (!Durations.IsValid(Duration))
        {
            errors.Add($"Expires after: '{Duration}' is not a duration such as 30m, 12h, 30d, 1w or 1mo.");
        }

        if (!Durations.IsValid(BudgetDuration))
        {
            errors.Add($"Budget resets every: '{BudgetDuration}' is not a duration such as 1d, 7d, 30d or 1mo.");
        }

        if (MetadataError() is { } metadataError)
        {
            errors.Add(metadataError);
        }

        return errors;
    }

    /// <summary>The body of <c>/key/generate</c> (call <see cref="Validate"/> first).</summary>
    public GenerateKeyRequest ToGenerateRequest() => new()
    {
        KeyAlias = Trimmed(Alias),
        Duration = Trimmed(Duration),
        Models = Models.Count > 0 ? [.. Models] : null,
        MaxBudget = MaxBudget,
        BudgetDuration = Trimmed(BudgetDuration),
        TpmLimit = TpmLimit,
        RpmLimit = RpmLimit,
        MaxParallelRequests = MaxParallelRequests,
        TeamId = Trimmed(TeamId),
        UserId = Trimmed(UserId),
        Metadata = ParseMetadata(),
    };

    /// <summary>
    /// The body of <c>/key/update</c>: the key, and each field that differs from <paramref name="original"/> (a cleared
    /// field as an explicit null, which the proxy clears).
    /// </summary>
    public UpdateBody ToUpdateBody(VirtualKey original)
    {
        ArgumentNullException.ThrowIfNull(original);
        return new UpdateBody("key", original.Token)
            .Set("key_alias", Trimmed(Alias), original.KeyAlias)
            .SetList("models", Models, original.Models)
            .Set("max_budget", MaxBudget, original.MaxBudget)
            .Set("budget_duration", Trimmed(BudgetDuration), original.BudgetDuration)
            .Set("tpm_limit", TpmLimit, original.TpmLimit)
            .Set("rpm_limit", RpmLimit, original.RpmLimit)
            .Set("max_parallel_requests", MaxParallelRequests, original.MaxParallelRequests)
            .Set("team_id", Trimmed(TeamId), original.TeamId)
            .SetObject("metadata", ParseMetadata(), original.Metadata);
    }

    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    private static string? Trimmed(string? value) => UpdateBody.Trimmed(value);

    private string? MetadataError()
    {
        if (string.IsNullOrWhiteSpace(MetadataJson))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(MetadataJson) is JsonObject
                ? null
                : "Metadata must be a JSON object, such as {\"env\": \"prod\"}.";
        }
        catch (JsonException e)
        {
            return $"Metadata is not valid JSON: {e.Message}";
        }
    }

    private JsonObject? ParseMetadata() =>
        string.IsNullOrWhiteSpace(MetadataJson) ? null : JsonNode.Parse(MetadataJson)?.AsObject();
}
