using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Pipeline;

/// <summary>Writes JSON nodes straight to the response pipe, escaped the way Python's JSON escapes (not at all for ' and +).</summary>
public static class JsonBody
{
    /// <summary>The writer options every response body uses.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    /// <summary>Writes <paramref name="node"/> as the whole body with <paramref name="statusCode"/>.</summary>
    public static async Task WriteAsync(HttpResponse response, JsonNode node, CancellationToken cancellationToken, int statusCode = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(node);
        response.StatusCode = statusCode;
        response.ContentType = "application/json";
        var writer = new Utf8JsonWriter(response.BodyWriter, WriterOptions);
        await using (writer.ConfigureAwait(false))
        {
            node.WriteTo(writer);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        await response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes <paramref name="json"/> (one JSON value, already in the shape <see cref="WriterOptions"/> gives) as the whole body.</summary>
    public static async Task WriteAsync(HttpResponse response, ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = json.Length;
        await response.BodyWriter.WriteAsync(json, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An endpoint result that writes <paramref name="json"/> as it is.</summary>
    public static IResult Result(ReadOnlyMemory<byte> json) => new JsonBytesResult(json);

    /// <summary>An endpoint result that writes <paramref name="node"/>.</summary>
    public static IResult Result(JsonNode node) => new JsonNodeResult(node);

    private sealed class JsonNodeResult(JsonNode node) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext.Response, node, httpContext.RequestAborted);
    }

    private sealed class JsonBytesResult(ReadOnlyMemory<byte> json) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext.Response, json, httpContext.RequestAborted);
    }
}
