using System.Text;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Caching;

namespace LiteAspire.Proxy.Tests.Caching;

public sealed class CacheKeyTests
{
    // Python: body = json.loads(<this text>); "".join(f"{k}: {v}" for k, v in body.items() if k not in ("cache", "metadata") and v is not None)
    private const string Body = """
        {"model":"gpt-4o","messages":[{"role":"user","content":"it's \"hi\"\n"}],"temperature":0.7,"cache":{"no-cache":true},
         "metadata":{"x":1},"stream":true,"max_tokens":null,"seed":1e-05,"tools":[{"a":1.0,"b":false,"c":null}]}
        """;

    private const string ExpectedSource =
        "model: gpt-4omessages: [{'role': 'user', 'content': 'it\\'s \"hi\"\\n'}]temperature: 0.7stream: Trueseed: 1e-05tools: [{'a': 1.0, 'b': False, 'c': None}]";

    [Fact]
    public void Source_LiteLLMFormat_MatchesPythonStr()
    {
        var request = JsonNode.Parse(Body)!.AsObject();

        var source = CacheKey.Source(request, "gpt-4o", "messages", request["messages"]);

        Assert.Equal(ExpectedSource, source);
    }

    [Fact]
    public void Hash_KnownSource_IsPythonsSha256Hex()
    {
        // hashlib.sha256(ExpectedSource.encode()).hexdigest(), computed with CPython.
        Assert.Equal("4cb1c51c1cbe19244f00cf635d5784249b83fbee3e6e19197a873177c5f15068", CacheKey.Hash(ExpectedSource, null));
    }

    [Fact]
    public void Hash_WithNamespace_IsPrefixed()
    {
        Assert.Equal("team-a:4cb1c51c1cbe19244f00cf635d5784249b83fbee3e6e19197a873177c5f15068", CacheKey.Hash(ExpectedSource, "team-a"));
    }

    [Fact]
    public void Source_ModelAndMessagesComeFirst_ThenTheRequestOrder()
    {
        var request = JsonNode.Parse("""{"temperature":0,"messages":[],"user":"u1","model":"alias","fallbacks":["x"],"caching":true}""")!.AsObject();

        Assert.Equal("model: groupmessages: []temperature: 0user: u1", CacheKey.Source(request, "group", "messages", request["messages"]));
    }

    [Fact]
    public void ModelValue_InCachingGroup_IsThePythonList()
    {
        IReadOnlyList<IReadOnlyList<string>> groups = [["gpt-4o", "azure-gpt-4o"]];

        Assert.Equal("['gpt-4o', 'azure-gpt-4o']", CacheKey.ModelValue("azure-gpt-4o", groups));
        Assert.Equal("other", CacheKey.ModelValue("other", groups));
    }

    [Theory]
    [InlineData(1e-05, "1e-05")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(123.456, "123.456")]
    [InlineData(1.5e-7, "1.5e-07")]
    [InlineData(2.5e20, "2.5e+20")]
    [InlineData(100.0, "100.0")]
    [InlineData(0.0001, "0.0001")]
    public void AppendFloat_IsPythonsRepr(double value, string expected)
    {
        var text = new StringBuilder();
        PythonRepr.AppendFloat(text, value);
        Assert.Equal(expected, text.ToString());
    }

    [Theory]
    [InlineData("it's", "\"it's\"")]
    [InlineData("a\u00a0b\u200bé😀\u0001", "'a\\xa0b\\u200bé😀\\x01'")]
    public void AppendString_IsPythonsRepr(string value, string expected)
    {
        var text = new StringBuilder();
        PythonRepr.AppendString(text, value);
        Assert.Equal(expected, text.ToString());
    }
}
