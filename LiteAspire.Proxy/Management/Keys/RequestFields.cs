using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Management.Keys;

/// <summary>
/// The fields a management request actually sent, so an update changes only those (an explicit <c>null</c> clears a
/// field, an absent one leaves it alone), as LiteLLM's <c>exclude_unset</c> does.
/// </summary>
public sealed class RequestFields
{
    private readonly JsonObject _raw;
    private readonly bool _nullMeansUnset;

    private RequestFields(JsonObject raw, bool nullMeansUnset)
    {
        _raw = raw;
        _nullMeansUnset = nullMeansUnset;
    }

    /// <summary>No field sent.</summary>
    public static RequestFields None { get; } = new([], nullMeansUnset: false);

    /// <summary>True when <paramref name="name"/> was sent (for a create: sent and not null).</summary>
    public bool Has(string name) => _raw.TryGetPropertyValue(name, out var value) && (value is not null || !_nullMeansUnset);

    /// <summary>The sent JSON of <paramref name="name"/>, copied (null when absent or null).</summary>
    public JsonNode? Node(string name) => _raw.TryGetPropertyValue(name, out var value) ? value?.DeepClone() : null;

    /// <summary>
    /// Reads the body as <typeparamref name="T"/> with <see cref="ManagementJson"/>'s clear 400s, and which fields it sent.
    /// <paramref name="nullMeansUnset"/>: a create treats <c>"x": null</c> as not sent; an update treats it as "clear x".
    /// An empty body is allowed when <paramref name="allowEmpty"/> (then every field is unset).
    /// </summary>
    public static async Task<(T Body, RequestFields Fields)> ReadAsync<T>(HttpRequest request, bool nullMeansUnset, bool allowEmpty,
        CancellationToken cancellationToken)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(request);
        request.EnableBuffering();
        string text;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true))
        {
            text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }

        if (allowEmpty && string.IsNullOrWhiteSpace(text))
        {
            return (new T(), new RequestFields([], nullMeansUnset));
        }

        JsonObject raw;
        try
        {
            raw = JsonNode.Parse(text) as JsonObject ?? throw ManagementErrors.BadRequest("Request body must be a JSON object.");
            _ = raw.Count; // materializes the properties, so a duplicate name fails here and not later
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw ManagementErrors.BadRequest($"Request body is not valid JSON: {e.Message}");
        }

        request.Body.Position = 0;
        var body = await ManagementJson.ReadAsync<T>(request, cancellationToken).ConfigureAwait(false);
        return (body, new RequestFields(raw, nullMeansUnset));
    }
}
