using System.Net;
using System.Text.Json.Nodes;

using LiteAspire.FakeProvider.Tests.Support;

namespace LiteAspire.FakeProvider.Tests;

[Collection(FakeServerGroup.Name)]
public sealed class OllamaTests(FakeServerFixture fake)
{
    [Fact]
    public async Task Chat_DefaultStreams_NdjsonEndingWithDoneAndCounts()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("api/chat", Fixtures.Read("ollama-chat.json")));

        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.All(lines.SkipLast(1), l => Assert.False(l["done"]!.GetValue<bool>()));
        var last = lines[^1];
        Assert.True(last["done"]!.GetValue<bool>());
        Assert.Equal("stop", last["done_reason"]!.GetValue<string>());
        Assert.Equal(5, last["prompt_eval_count"]!.GetValue<int>());
        Assert.Equal(11, last["eval_count"]!.GetValue<int>());
        Assert.Equal("This is a fake response to: why is the sky blue?", string.Concat(lines.Select(l => l["message"]!["content"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Chat_StreamFalse_ReturnsOneDoneObject()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("api/chat", Fixtures.With("ollama-chat.json", "stream", false)));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["done"]!.GetValue<bool>());
        Assert.Equal("This is a fake response to: why is the sky blue?", body["message"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Chat_Tools_ReturnsToolCallsWithObjectArguments()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("api/chat",
            """{"model":"llama3.2","stream":false,"messages":[{"role":"user","content":"weather in Paris?"}],"tools":[{"type":"function","function":{"name":"get_current_weather"}}]}"""));

        var call = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]!["tool_calls"]![0]!;
        Assert.Equal("get_current_weather", call["function"]!["name"]!.GetValue<string>());
        Assert.Empty(call["function"]!["arguments"]!.AsObject());
    }

    [Fact]
    public async Task Generate_Prompt_StreamsResponseField()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("api/generate", """{"model":"llama3.2","prompt":"Why is the sky blue?"}"""));

        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal("This is a fake response to: Why is the sky blue?", string.Concat(lines.Select(l => l["response"]!.GetValue<string>())));
        Assert.True(lines[^1]["done"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Embed_Inputs_ReturnsEmbeddings()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("api/embed", """{"model":"all-minilm","input":["Why is the sky blue?","Why is the grass green?"]}"""));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(2, body["embeddings"]!.AsArray().Count);
        Assert.Equal(11, body["prompt_eval_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Tags_ListsModels()
    {
        using var response = await fake.Client.GetAsync("api/tags");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["models"]!.AsArray());
    }
}
