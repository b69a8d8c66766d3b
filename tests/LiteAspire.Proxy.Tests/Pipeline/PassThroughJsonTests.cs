using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Pipeline;

namespace LiteAspire.Proxy.Tests.Pipeline;

public sealed class PassThroughJsonTests
{
    // What the parse-and-write path sends for a body: the reference the pass-through must match byte for byte.
    private static string Rewritten(string json)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, JsonBody.WriterOptions))
        {
            JsonNode.Parse(json)!.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Theory]
    [InlineData("""{"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"Hello!"}}]}""")]
    [InlineData("{\n  \"id\": \"chatcmpl-1\",\n  \"choices\": [ { \"message\": { \"content\": \"two  spaces, a tab\\tand a line\\nbreak\" } } ],\r\n\t\"n\": 1.50e+3 }\n")]
    [InlineData("""{"content":"quote \" backslash \\ and I'm <b>bold</b> & 1+1"}""")]
    [InlineData("""{"content":"caf\u00e9 na\u00efve","raw":"café ünïcode 日本語"}""")]
    [InlineData("""{"s":"a\/b","x":"\u0027"}""")]
    [InlineData("""{"emoji":"😀 \ud83d\ude00"}""")]
    [InlineData("""{"ctl":"\u0001\u001f\b\f","sep":"\u2028"}""")]
    [InlineData("""{"n":null,"t":true,"f":false,"a":[],"o":{},"neg":-0.0,"big":12345678901234567890}""")]
    public void Scan_AnyObject_SendsExactlyWhatTheRewriteWouldWrite(string json)
    {
        var verdict = PassThroughJson.Scan(Encoding.UTF8.GetBytes(json), out var compacted, out _);

        Assert.True(verdict is PassThroughJson.Verdict.PassThrough or PassThroughJson.Verdict.Rewrite, verdict.ToString());
        if (verdict == PassThroughJson.Verdict.PassThrough)
        {
            Assert.Equal(Rewritten(json), Encoding.UTF8.GetString(compacted.Span));
        }
        else
        {
            Assert.NotEqual(Rewritten(json), Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(json)));
        }
    }

    [Theory]
    [InlineData("""{"id":"x","choices":[{"message":{"content":"Hello, world!"}}],"usage":{"total_tokens":3}}""")]
    [InlineData("{\n  \"content\": \"line one\\nline two \\\"quoted\\\" back\\\\slash\\ttab\"\n}")]
    [InlineData("""{"raw":"café ünïcode 日本語 <b> & ' +"}""")]
    public void Scan_CommonUpstreamBodies_PassThrough(string json)
    {
        var verdict = PassThroughJson.Scan(Encoding.UTF8.GetBytes(json), out var compacted, out _);

        Assert.Equal(PassThroughJson.Verdict.PassThrough, verdict);
        Assert.Equal(Rewritten(json), Encoding.UTF8.GetString(compacted.Span));
    }

    [Fact]
    public void Scan_CompactBody_SendsTheSameBuffer()
    {
        ReadOnlyMemory<byte> body = Encoding.UTF8.GetBytes("""{"id":"x","usage":{"total_tokens":3}}""");

        PassThroughJson.Scan(body, out var compacted, out _);

        Assert.True(body.Span == compacted.Span);
    }

    [Fact]
    public void Scan_UsageAtTopLevel_IsFoundAndNestedOnesAreNot()
    {
        var json = """{"choices":[{"usage":{"total_tokens":1}}],"usage": {"prompt_tokens":2, "completion_tokens_details":{"reasoning_tokens":0}} ,"z":{"usage":{}}}""";

        PassThroughJson.Scan(Encoding.UTF8.GetBytes(json), out _, out var usage);

        var parsed = JsonNode.Parse(usage.Span)!.AsObject();
        Assert.Equal(2, parsed["prompt_tokens"]!.GetValue<int>());
        Assert.Equal(0, parsed["completion_tokens_details"]!["reasoning_tokens"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("""{"usage":null}""")]
    [InlineData("""{"usage":[1]}""")]
    [InlineData("""{"id":"x"}""")]
    public void Scan_NoUsageObject_GivesNone(string json)
    {
        PassThroughJson.Scan(Encoding.UTF8.GetBytes(json), out _, out var usage);

        Assert.True(usage.IsEmpty);
    }

    [Theory]
    [InlineData("null", PassThroughJson.Verdict.Null)]
    [InlineData(" [1,2] ", PassThroughJson.Verdict.NotObject)]
    [InlineData("\"text\"", PassThroughJson.Verdict.NotObject)]
    [InlineData("", PassThroughJson.Verdict.NotJson)]
    [InlineData("<html>bad gateway</html>", PassThroughJson.Verdict.NotJson)]
    [InlineData("""{"a":1} {"b":2}""", PassThroughJson.Verdict.NotJson)]
    [InlineData("""{"a":1,}""", PassThroughJson.Verdict.NotJson)]
    [InlineData("""{"a":1""", PassThroughJson.Verdict.NotJson)]
    public void Scan_NotAnObject_SaysWhat(string json, PassThroughJson.Verdict expected)
    {
        Assert.Equal(expected, PassThroughJson.Scan(Encoding.UTF8.GetBytes(json), out var compacted, out _));
        Assert.True(compacted.IsEmpty);
    }

    [Fact]
    public void Scan_InvalidUtf8InAString_IsRewrittenNotPassed()
    {
        var json = new byte[] { (byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}' };

        Assert.Equal(PassThroughJson.Verdict.Rewrite, PassThroughJson.Scan(json, out _, out _));
    }
}
