using System.Net;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

using LiteAspire.FakeProvider.Tests.Support;

namespace LiteAspire.FakeProvider.Tests;

[Collection(FakeServerGroup.Name)]
public sealed class OpenAIOtherEndpointTests(FakeServerFixture fake)
{
    private async Task<JsonNode> PostJsonAsync(string path, string body, params (string, string)[] headers)
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post(path, body, headers));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task Embeddings_TwoInputs_ReturnsEightFloatUnitVectorsAndUsage()
    {
        var body = await PostJsonAsync("v1/embeddings", """{"model":"text-embedding-3-small","input":["The food was delicious","and the waiter"]}""");

        Assert.Equal("list", body["object"]!.GetValue<string>());
        var data = body["data"]!.AsArray();
        Assert.Equal(2, data.Count);
        Assert.Equal(1, data[1]!["index"]!.GetValue<int>());
        var vector = data[0]!["embedding"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        Assert.Equal(8, vector.Length);
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(v => v * v)), 3);
        Assert.Equal(9, body["usage"]!["prompt_tokens"]!.GetValue<int>());
        Assert.Equal(9, body["usage"]!["total_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task Embeddings_Base64WithDimensions_DecodesToTheSameFloats()
    {
        var floats = await PostJsonAsync("v1/embeddings", """{"model":"m","input":"hello","dimensions":32}""");
        var base64 = await PostJsonAsync("v1/embeddings", """{"model":"m","input":"hello","dimensions":32,"encoding_format":"base64"}""");

        var expected = floats["data"]![0]!["embedding"]!.AsArray().Select(v => v!.GetValue<float>()).ToArray();
        var decoded = MemoryMarshal.Cast<byte, float>(Convert.FromBase64String(base64["data"]![0]!["embedding"]!.GetValue<string>())).ToArray();
        Assert.Equal(32, decoded.Length);
        Assert.Equal(expected, decoded);
    }

    [Fact]
    public async Task Embeddings_SameInput_SameVector_DifferentInput_DifferentVector()
    {
        var a = await PostJsonAsync("v1/embeddings", """{"model":"m","input":"alpha"}""");
        var b = await PostJsonAsync("v1/embeddings", """{"model":"m","input":"alpha"}""");
        var c = await PostJsonAsync("v1/embeddings", """{"model":"m","input":"beta"}""");

        Assert.Equal(a["data"]!.ToJsonString(), b["data"]!.ToJsonString());
        Assert.NotEqual(a["data"]!.ToJsonString(), c["data"]!.ToJsonString());
    }

    [Fact]
    public async Task Models_List_ReturnsModelObjects()
    {
        var body = JsonNode.Parse(await fake.Client.GetStringAsync("v1/models"))!;

        Assert.Equal("list", body["object"]!.GetValue<string>());
        Assert.Contains(body["data"]!.AsArray(), m => m!["id"]!.GetValue<string>() == "gpt-4o-mini" && m["object"]!.GetValue<string>() == "model");
    }

    [Fact]
    public async Task Images_UrlAndBase64_ReturnOneImageEach()
    {
        var url = await PostJsonAsync("v1/images/generations", """{"model":"dall-e-3","prompt":"a white siamese cat","n":1}""");
        var b64 = await PostJsonAsync("v1/images/generations", """{"model":"dall-e-3","prompt":"a cat","response_format":"b64_json"}""");

        var link = url["data"]![0]!["url"]!.GetValue<string>();
        using var image = await fake.Client.GetAsync(new Uri(link));
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        var png = Convert.FromBase64String(b64["data"]![0]!["b64_json"]!.GetValue<string>());
        Assert.Equal((byte)0x89, png[0]);
        Assert.Equal("PNG", System.Text.Encoding.ASCII.GetString(png, 1, 3));
    }

    [Fact]
    public async Task Speech_Input_ReturnsAudioBytes()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("v1/audio/speech", """{"model":"tts-1","input":"Hello world","voice":"alloy"}"""));

        Assert.Equal("audio/mpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(16 + "Hello world".Length, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task Transcriptions_MultipartFile_ReturnsTextNamingTheFile()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(new byte[32000]);
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/mpeg");
        form.Add(file, "file", "speech.mp3");
        form.Add(new StringContent("whisper-1"), "model");

        using var response = await fake.Client.PostAsync("v1/audio/transcriptions", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("This is a fake transcription of speech.mp3 (32000 bytes).", body["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Moderations_FlagWord_FlagsViolenceOnly()
    {
        var body = await PostJsonAsync("v1/moderations", """{"input":["a kind sentence","a fake-flag sentence"]}""");

        var results = body["results"]!.AsArray();
        Assert.False(results[0]!["flagged"]!.GetValue<bool>());
        Assert.True(results[1]!["flagged"]!.GetValue<bool>());
        Assert.True(results[1]!["categories"]!["violence"]!.GetValue<bool>());
        Assert.False(results[1]!["categories"]!["hate"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Rerank_Documents_SortsByQueryOverlapAndHonoursTopN()
    {
        var body = await PostJsonAsync("v1/rerank", """
            {"model":"rerank-v3.5","query":"capital of the United States","top_n":2,"return_documents":true,
             "documents":["Carson City is the capital city of Nevada.","Washington, D.C. is the capital of the United States.","Capital punishment exists."]}
            """);

        var results = body["results"]!.AsArray();
        Assert.Equal(2, results.Count);
        Assert.Equal(1, results[0]!["index"]!.GetValue<int>());
        Assert.True(results[0]!["relevance_score"]!.GetValue<double>() > results[1]!["relevance_score"]!.GetValue<double>());
        Assert.Contains("Washington", results[0]!["document"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Azure_DeploymentWithApiKeyAndVersion_ReturnsChatCompletionNamedAfterDeployment()
    {
        var body = await PostJsonAsync("openai/deployments/my-gpt/chat/completions?api-version=2024-10-21",
            """{"messages":[{"role":"user","content":"Hi"}]}""", ("api-key", "k"));

        Assert.Equal("my-gpt", body["model"]!.GetValue<string>());
        Assert.Equal("This is a fake response to: Hi", body["choices"]![0]!["message"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Azure_WithoutKey_Returns401InOpenAIShape()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("openai/deployments/d/chat/completions?api-version=2024-10-21", "{}"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("authentication_error", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Azure_WithoutApiVersion_Returns404()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("openai/deployments/d/chat/completions", "{}", ("api-key", "k")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Azure_EmbeddingsWithBearer_ReturnsVectors()
    {
        var body = await PostJsonAsync("openai/deployments/emb/embeddings?api-version=2024-10-21", """{"input":"hi"}""", ("Authorization", "Bearer entra-token"));

        Assert.Equal("emb", body["model"]!.GetValue<string>());
        Assert.Equal(8, body["data"]![0]!["embedding"]!.AsArray().Count);
    }
}
