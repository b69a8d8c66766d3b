using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LiteAspire.Proxy.Pipeline;

/// <summary>
/// An upstream JSON body that is already in the client's shape, checked in one <see cref="Utf8JsonReader"/> pass and sent
/// on as bytes instead of parsed into nodes and written again. The bytes sent are exactly what parsing and writing with
/// <see cref="JsonBody.WriterOptions"/> would give (compact, strings escaped by its encoder); a body whose strings that
/// writer would escape differently is refused, and the caller takes the parse-and-write path.
/// </summary>
public static class PassThroughJson
{
    private static readonly JavaScriptEncoder s_encoder = JsonBody.WriterOptions.Encoder!;

    /// <summary>The outcome of <see cref="Scan(ReadOnlyMemory{byte}, out ReadOnlyMemory{byte}, out ReadOnlyMemory{byte}, out string?)"/>.</summary>
    public enum Verdict
    {
        /// <summary>A JSON object that can be sent as <c>Compacted</c>.</summary>
        PassThrough,

        /// <summary>A JSON object whose strings the writer would escape differently: parse and write it instead.</summary>
        Rewrite,

        /// <summary>Not JSON (or not UTF-8).</summary>
        NotJson,

        /// <summary>The JSON literal <c>null</c>.</summary>
        Null,

        /// <summary>JSON, but not an object.</summary>
        NotObject,
    }

    /// <summary>
    /// Reads <paramref name="json"/> once: validates it, finds the top-level <c>usage</c> object, and for
    /// <see cref="Verdict.PassThrough"/> gives the compact bytes (<paramref name="json"/> itself when it has no whitespace).
    /// </summary>
    /// <param name="json">The whole body.</param>
    /// <param name="compacted">The bytes to send; empty unless the verdict is <see cref="Verdict.PassThrough"/>.</param>
    /// <param name="usage">The top-level <c>usage</c> object's bytes, or empty when there is none (or it is not an object).</param>
    public static Verdict Scan(ReadOnlyMemory<byte> json, out ReadOnlyMemory<byte> compacted, out ReadOnlyMemory<byte> usage) =>
        Scan(json, out compacted, out usage, out _);

    /// <inheritdoc cref="Scan(ReadOnlyMemory{byte}, out ReadOnlyMemory{byte}, out ReadOnlyMemory{byte})"/>
    /// <param name="json">The whole body.</param>
    /// <param name="compacted">The bytes to send; empty unless the verdict is <see cref="Verdict.PassThrough"/>.</param>
    /// <param name="usage">The top-level <c>usage</c> object's bytes, or empty when there is none (or it is not an object).</param>
    /// <param name="id">The top-level <c>id</c> string (the response id spend logs are keyed by), or null.</param>
    public static Verdict Scan(ReadOnlyMemory<byte> json, out ReadOnlyMemory<byte> compacted, out ReadOnlyMemory<byte> usage, out string? id)
    {
        compacted = default;
        usage = default;
        id = null;
        var pendingId = false;
        var span = json.Span;
        var reader = new Utf8JsonReader(span);
        var whitespace = false;
        var asIs = true;
        var usageStart = -1;
        var usageDepth = -1;
        var pendingUsage = false;
        long previousEnd = 0;
        try
        {
            if (!reader.Read())
            {
                return Verdict.NotJson;
            }

            var root = reader.TokenType;
            do
            {
                var start = reader.TokenStartIndex;
                if (start != previousEnd && HasWhitespace(span[(int)previousEnd..(int)start]))
                {
                    whitespace = true;
                }

                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        asIs = asIs && WritesAsIs(ref reader);
                        pendingUsage = reader.CurrentDepth == 1 && reader.ValueTextEquals("usage"u8);
                        pendingId = reader.CurrentDepth == 1 && reader.ValueTextEquals("id"u8);
                        break;
                    case JsonTokenType.String:
                        asIs = asIs && WritesAsIs(ref reader);
                        if (pendingId)
                        {
                            id = reader.GetString();
                        }

                        pendingUsage = false;
                        pendingId = false;
                        break;
                    case JsonTokenType.StartObject when pendingUsage:
                        pendingId = false;
                        usageStart = (int)start;
                        usageDepth = reader.CurrentDepth;
                        pendingUsage = false;
                        break;
                    case JsonTokenType.EndObject when reader.CurrentDepth == usageDepth && usageStart >= 0:
                        usage = json[usageStart..(int)reader.BytesConsumed];
                        usageStart = -1;
                        usageDepth = -1;
                        break;
                    default:
                        pendingUsage = false;
                        pendingId = false;
                        break;
                }

                previousEnd = reader.BytesConsumed;
            }
            while (reader.Read());

            if (previousEnd != span.Length)
            {
                whitespace = true;
            }

            if (root != JsonTokenType.StartObject)
            {
                usage = default;
                return root == JsonTokenType.Null ? Verdict.Null : Verdict.NotObject;
            }
        }
        catch (JsonException)
        {
            usage = default;
            return Verdict.NotJson;
        }

        if (!asIs)
        {
            return Verdict.Rewrite;
        }

        compacted = whitespace ? Compact(span) : json;
        return Verdict.PassThrough;
    }

    private static bool HasWhitespace(ReadOnlySpan<byte> gap) => gap.IndexOfAny(" \t\r\n"u8) >= 0;

    // True when the writer would emit this string exactly as it stands: unescaped and nothing to escape, or escaped just
    // as the writer's encoder escapes (checked by decoding and encoding again). Invalid UTF-8 is never as is.
    private static bool WritesAsIs(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped)
        {
            return s_encoder.FindFirstCharacterToEncodeUtf8(raw) < 0;
        }

        // An unescaped value is never longer than its escaped form; escaping it again can take up to 6 bytes per byte.
        var decoded = ArrayPool<byte>.Shared.Rent(raw.Length);
        var encoded = ArrayPool<byte>.Shared.Rent(raw.Length * 6);
        try
        {
            var length = reader.CopyString(decoded);
            var status = s_encoder.EncodeUtf8(decoded.AsSpan(0, length), encoded, out _, out var written);
            return status == OperationStatus.Done && encoded.AsSpan(0, written).SequenceEqual(raw);
        }
        catch (InvalidOperationException)
        {
            return false; // invalid UTF-8 inside an escaped string
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(encoded);
            ArrayPool<byte>.Shared.Return(decoded);
        }
    }

    // The body is valid JSON here: drop the whitespace between tokens, keep everything inside strings.
    private static ReadOnlyMemory<byte> Compact(ReadOnlySpan<byte> json)
    {
        var output = new byte[json.Length];
        var length = 0;
        var inString = false;
        var escaped = false;
        foreach (var b in json)
        {
            if (inString)
            {
                output[length++] = b;
                if (escaped)
                {
                    escaped = false;
                }
                else if (b == (byte)'\\')
                {
                    escaped = true;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }
            }
            else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                output[length++] = b;
                inString = b == (byte)'"';
            }
        }

        return output.AsMemory(0, length);
    }
}
