using System.Text.Json.Nodes;

namespace LiteAspire.Admin.ProxyApi;

/// <summary>
/// The body of an update route (<c>/key/update</c>, <c>/user/update</c>): what to update, and each field that differs from
/// its current value. The proxy changes only the fields sent, and clears a field sent as an explicit null.
/// </summary>
public sealed class UpdateBody
{
    /// <summary>Starts a body naming the target (<c>"key": hash</c>, <c>"user_id": id</c>).</summary>
    public UpdateBody(string idField, string? id)
    {
        Json = new JsonObject { [idField] = id };
    }

    /// <summary>The body to send.</summary>
    public JsonObject Json { get; }

    /// <summary>True when at least one field changed.</summary>
    public bool HasChanges => Json.Count > 1;

    /// <summary>Text typed in a form: trimmed, and null when blank.</summary>
    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Adds <paramref name="name"/> when <paramref name="value"/> differs from <paramref name="current"/>.</summary>
    public UpdateBody Set<T>(string name, T? value, T? current)
    {
        if (!EqualityComparer<T?>.Default.Equals(value, current))
        {
            Json[name] = value is null ? null : JsonValue.Create(value);
        }

        return this;
    }

    /// <summary>Adds a list when its items (in any order) differ from <paramref name="current"/>'s.</summary>
    public UpdateBody SetList(string name, IReadOnlyCollection<string> value, IEnumerable<string> current)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.ToHashSet(StringComparer.Ordinal).SetEquals(current ?? []))
        {
            Json[name] = new JsonArray([.. value.Select(v => (JsonNode?)v)]);
        }

        return this;
    }

    /// <summary>Adds a JSON object when it differs from <paramref name="current"/> (null counting as empty).</summary>
    public UpdateBody SetObject(string name, JsonObject? value, JsonObject? current)
    {
        value ??= [];
        if (!JsonNode.DeepEquals(value, current ?? []))
        {
            Json[name] = value;
        }

        return this;
    }
}
