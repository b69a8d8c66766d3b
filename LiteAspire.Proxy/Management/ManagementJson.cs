using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

using LiteAspire.Proxy.Errors;

namespace LiteAspire.Proxy.Management;

/// <summary>JSON of the management API: LiteLLM's snake_case field names, bodies read with clear 400s.</summary>
public static class ManagementJson
{
    /// <summary>Snake_case names, nulls written (LiteLLM's responses carry them), numbers only as numbers.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.Strict,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>
    /// Reads the request body as <typeparamref name="T"/>; malformed JSON, a wrong type or a missing body become a 400
    /// naming the field, in the OpenAI error shape.
    /// </summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        T? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new GatewayException(400, Describe(e), "bad_request_error", FieldOf(e.Path));
        }

        return body ?? throw new GatewayException(400, "Request body must be a JSON object.", "bad_request_error", null);
    }

    /// <summary>
    /// <paramref name="value"/> as a node that is serialized only when its document is written: a large list (a team's keys)
    /// placed in a <see cref="System.Text.Json.Nodes.JsonObject"/> without first becoming a tree of nodes.
    /// </summary>
    public static System.Text.Json.Nodes.JsonNode? Deferred<T>(T value) =>
        System.Text.Json.Nodes.JsonValue.Create(value, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));

    /// <summary>Serializes <paramref name="value"/> as a 200 JSON response with <see cref="Options"/>.</summary>
    public static IResult Ok<T>(T value) => Results.Json(value, Options);

    private static string Describe(JsonException e)
    {
        var field = FieldOf(e.Path);
        if (e.Path is null or "$" || field is null)
        {
            return e.LineNumber is null ? "Request body is not valid JSON." : $"Request body is not valid JSON (line {e.LineNumber + 1}).";
        }

        // System.Text.Json's message names .NET types; say what the field must be in JSON's words.
        return $"Invalid value for '{field}': {ExpectedKind(e.Message)}.";
    }

    // Collections first: a List<string>'s type name also contains System.String.
    private static string ExpectedKind(string message) =>
        message.Contains("List`1", StringComparison.Ordinal) || message.Contains("[]", StringComparison.Ordinal) ? "expected a list"
        : message.Contains("Dictionary", StringComparison.Ordinal) || message.Contains("JsonObject", StringComparison.Ordinal) ? "expected an object"
        : message.Contains("System.Double", StringComparison.Ordinal) || message.Contains("System.Int", StringComparison.Ordinal)
            || message.Contains("System.Decimal", StringComparison.Ordinal) ? "expected a number"
        : message.Contains("System.Boolean", StringComparison.Ordinal) ? "expected true or false"
        : message.Contains("System.String", StringComparison.Ordinal) ? "expected a string"
        : "wrong type";

    private static string? FieldOf(string? path) => path is null or "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}
