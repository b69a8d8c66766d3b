using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Pipeline;

namespace LiteAspire.Proxy.Tests.EndToEnd;

/// <summary><c>encoding_format</c> on native providers: floats by default, base64 of little-endian float32 when asked (the OpenAI SDKs' default).</summary>
[Collection(EndToEndProxy.Name)]
public sealed class EmbeddingEncodingTests(EndToEndFixture fixture) : IDisposable
{
    private readonly HttpClient _proxy = fixture.Proxy.CreateClient();

    public void Dispose() => _proxy.Dispose();

    [Fact]
    public void ToBase64_FloatList_BecomesLittleEndianFloat32AndStringsStay()
    {
        var result = new JsonObject
        {
            ["data"] = new JsonArray
            {
                new JsonObject { ["index"] = 0, ["embedding"] = new JsonArray(1.0f, -2.5f) },
                new JsonObject { ["index"] = 1, ["embedding"] = "AACAPw==" },
            },
        };

        EmbeddingEncoding.ToBase64(result);

        // 1.0f = 00 00 80 3F, -2.5f = 00 00 20 C0.
        Assert.Equal(Convert.ToBase64String([0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x20, 0xC0]), result["data"]![0]!["embedding"]!.GetValue<string>());
        Assert.Equal("AACAPw==", result["data"]![1]!["embedding"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(NativeProviders.Embeddings), MemberType = typeof(NativeProviders))]
    public async Task Embeddings_EncodingFormat_FloatGivesNumbersBase64GivesSameVectorAsString(string provider)
    {
        var floats = await EmbedAsync(provider, "float");
        var base64 = await EmbedAsync(provider, "base64");

        var numbers = Assert.IsType<JsonArray>(floats);
        var bytes = Convert.FromBase64String(base64!.GetValue<string>());
        Assert.Equal(numbers.Count * sizeof(float), bytes.Length);
        for (var i = 0; i < numbers.Count; i++)
        {
            Assert.Equal(numbers[i]!.GetValue<float>(), BitConverter.ToSingle(bytes, i * sizeof(float)));
        }
    }

    private async Task<JsonNode?> EmbedAsync(string provider, string format)
    {
        var body = new JsonObject
        {
            ["model"] = NativeProviders.Get(provider).EmbeddingModel,
            ["input"] = "encode me",
            ["encoding_format"] = format,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("v1/embeddings", UriKind.Relative))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", EndToEndFixture.MasterKey);
        using var response = await _proxy.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!["data"]![0]!["embedding"];
    }
}
