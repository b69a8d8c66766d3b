using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Management.Teams;

/// <summary>A request body read as a DTO, with the names of the fields the client sent: an update changes only those.</summary>
/// <typeparam name="T">The DTO.</typeparam>
/// <param name="Value">The body as <typeparamref name="T"/>.</param>
/// <param name="Fields">The top-level field names present in the body (explicit nulls included).</param>
public sealed record SentBody<T>(T Value, IReadOnlySet<string> Fields)
    where T : class
{
    /// <summary>True when the client sent <paramref name="field"/>, even as null.</summary>
    public bool Has(string field) => Fields.Contains(field);
}

/// <summary>Reads <see cref="SentBody{T}"/>.</summary>
public static class SentBody
{
    /// <summary>Reads the body with <see cref="ManagementJson.ReadAsync{T}"/> (its 400s for bad JSON and wrong types) and notes the fields sent.</summary>
    public static async Task<SentBody<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        request.EnableBuffering();
        var value = await ManagementJson.ReadAsync<T>(request, cancellationToken).ConfigureAwait(false);
        request.Body.Position = 0;
        var fields = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            if (await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken).ConfigureAwait(false) is JsonObject body)
            {
                foreach (var (name, _) in body)
                {
                    fields.Add(name);
                }
            }
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw ManagementErrors.BadRequest("Request body is not valid JSON (a field appears twice?).");
        }

        return new SentBody<T>(value, fields);
    }
}
