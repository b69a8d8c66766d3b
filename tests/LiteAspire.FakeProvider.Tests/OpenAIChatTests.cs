using System.Net;
using System.Text.Json.Nodes;

using LiteAspire.FakeProvider.Tests.Support;

namespace LiteAspire.FakeProvider.Tests;

[Collection(FakeServerGroup.Name)]
public sealed class OpenAIChatTests(FakeServerFixture fake)
{
    private async Task<JsonNode> PostJsonAsync(string path, string body)
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post(path, body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<List<(string? Event, string Data)>> PostSseAsync(string path, string body)
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post(path, body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return SseText.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ChatCompletions_DocumentedRequest_ReturnsChatCompletionWithEchoAndUsage()
    {
        var body = await PostJsonAsync("v1/chat/completions", Fixtures.Read("openai-chat.json"));

        Assert.StartsWith("chatcmpl-", body["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("chat.completion", body["object"]!.GetValue<string>());
        Assert.Equal("gpt-4o-mini", body["model"]!.GetValue<string>());
        Assert.True(body["created"]!.GetValue<long>() > 1_700_000_000);
        var choice = body["choices"]![0]!;
        Assert.Equal(0, choice["index"]!.GetValue<int>());
        Assert.Equal("assistant", choice["message"]!["role"]!.GetValue<string>());
        Assert.Equal("This is a fake response to: Hello!", choice["message"]!["content"]!.GetValue<string>());
        Assert.Equal("stop", choice["finish_reason"]!.GetValue<string>());
        // (28 + 6 characters) / 4 rounded up = 9; 7 words.
        Assert.Equal(9, body["usage"]!["prompt_tokens"]!.GetValue<int>());
        Assert.Equal(7, body["usage"]!["completion_tokens"]!.GetValue<int>());
        Assert.Equal(16, body["usage"]!["total_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task ChatCompletions_LongUserMessage_EchoesFirstFortyCharacters()
    {
        var text = new string('a', 30) + " " + new string('b', 30);
        var body = await PostJsonAsync("v1/chat/completions", $$"""{"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"{{text}}"}]}]}""");

        Assert.Equal("This is a fake response to: " + text[..40], body["choices"]![0]!["message"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task ChatCompletions_StreamWithIncludeUsage_SendsRoleContentFinishUsageThenDone()
    {
        var request = Fixtures.With("openai-chat.json", "stream", true);
        request = JsonNode.Parse(request)!.AsObject().Also(o => o["stream_options"] = new JsonObject { ["include_usage"] = true }).ToJsonString();

        var events = await PostSseAsync("v1/chat/completions", request);

        Assert.Equal("[DONE]", events[^1].Data);
        var chunks = events.SkipLast(1).Select(e => JsonNode.Parse(e.Data)!).ToList();
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c["object"]!.GetValue<string>()));
        Assert.Single(chunks.Select(c => c["id"]!.GetValue<string>()).Distinct());
        Assert.Equal("assistant", chunks[0]["choices"]![0]!["delta"]!["role"]!.GetValue<string>());
        var content = string.Concat(chunks.Skip(1).Where(c => c["choices"]!.AsArray().Count > 0)
            .Select(c => c["choices"]![0]!["delta"]!["content"]?.GetValue<string>() ?? ""));
        Assert.Equal("This is a fake response to: Hello!", content);
        var finish = chunks[^2];
        Assert.Equal("stop", finish["choices"]![0]!["finish_reason"]!.GetValue<string>());
        Assert.Null(finish["usage"]);
        var usage = chunks[^1];
        Assert.Empty(usage["choices"]!.AsArray());
        Assert.Equal(9, usage["usage"]!["prompt_tokens"]!.GetValue<int>());
        Assert.Equal(7, usage["usage"]!["completion_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task ChatCompletions_StreamWithoutIncludeUsage_HasNoUsageChunk()
    {
        var events = await PostSseAsync("v1/chat/completions", Fixtures.With("openai-chat.json", "stream", true));

        var chunks = events.SkipLast(1).Select(e => JsonNode.Parse(e.Data)!.AsObject()).ToList();
        Assert.All(chunks, c => Assert.False(c.ContainsKey("usage")));
        Assert.All(chunks, c => Assert.Single(c["choices"]!.AsArray()));
    }

    [Fact]
    public async Task ChatCompletions_WithTools_CallsFirstToolWithEmptyArguments()
    {
        var body = await PostJsonAsync("v1/chat/completions", Fixtures.Read("openai-chat-tools.json"));

        var choice = body["choices"]![0]!;
        Assert.Equal("tool_calls", choice["finish_reason"]!.GetValue<string>());
        Assert.Null(choice["message"]!["content"]);
        var call = choice["message"]!["tool_calls"]![0]!;
        Assert.StartsWith("call_", call["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("function", call["type"]!.GetValue<string>());
        Assert.Equal("get_current_weather", call["function"]!["name"]!.GetValue<string>());
        Assert.Equal("{}", call["function"]!["arguments"]!.GetValue<string>());
    }

    [Fact]
    public async Task ChatCompletions_ToolChoiceNone_AnswersWithText()
    {
        var body = await PostJsonAsync("v1/chat/completions", Fixtures.With("openai-chat-tools.json", "tool_choice", "none"));

        Assert.Equal("stop", body["choices"]![0]!["finish_reason"]!.GetValue<string>());
        Assert.StartsWith("This is a fake response to:", body["choices"]![0]!["message"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChatCompletions_ToolChoiceNamesTool_CallsThatTool()
    {
        var request = JsonNode.Parse(Fixtures.Read("openai-chat-tools.json"))!.AsObject();
        request["tools"]!.AsArray().Add(JsonNode.Parse("""{"type":"function","function":{"name":"second"}}"""));
        request["tool_choice"] = JsonNode.Parse("""{"type":"function","function":{"name":"second"}}""");

        var body = await PostJsonAsync("v1/chat/completions", request.ToJsonString());

        Assert.Equal("second", body["choices"]![0]!["message"]!["tool_calls"]![0]!["function"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task ChatCompletions_StreamWithTools_SendsToolCallDeltasAndToolCallsFinish()
    {
        var events = await PostSseAsync("v1/chat/completions", Fixtures.With("openai-chat-tools.json", "stream", true));

        var chunks = events.SkipLast(1).Select(e => JsonNode.Parse(e.Data)!).ToList();
        var first = chunks[1]["choices"]![0]!["delta"]!["tool_calls"]![0]!;
        Assert.Equal(0, first["index"]!.GetValue<int>());
        Assert.Equal("get_current_weather", first["function"]!["name"]!.GetValue<string>());
        Assert.Equal("{}", chunks[2]["choices"]![0]!["delta"]!["tool_calls"]![0]!["function"]!["arguments"]!.GetValue<string>());
        Assert.Equal("tool_calls", chunks[^1]["choices"]![0]!["finish_reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task ChatCompletions_MaxTokensBelowReply_TruncatesWithLengthFinish()
    {
        var body = await PostJsonAsync("v1/chat/completions", Fixtures.With("openai-chat.json", "max_tokens", 3));

        Assert.Equal("This is a", body["choices"]![0]!["message"]!["content"]!.GetValue<string>());
        Assert.Equal("length", body["choices"]![0]!["finish_reason"]!.GetValue<string>());
        Assert.Equal(3, body["usage"]!["completion_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task ChatCompletions_SameRequestTwice_GivesSameIdContentAndUsage()
    {
        var first = await PostJsonAsync("v1/chat/completions", Fixtures.Read("openai-chat.json"));
        var second = await PostJsonAsync("v1/chat/completions", Fixtures.Read("openai-chat.json"));

        first.AsObject().Remove("created");
        second.AsObject().Remove("created");
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
    }

    [Fact]
    public async Task ChatCompletions_Answer_CarriesOpenAIRateLimitHeaders()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("v1/chat/completions", Fixtures.Read("openai-chat.json")));

        Assert.Equal("10000", response.Headers.GetValues("x-ratelimit-limit-requests").Single());
        Assert.Equal("9999", response.Headers.GetValues("x-ratelimit-remaining-requests").Single());
        Assert.Equal("999000", response.Headers.GetValues("x-ratelimit-remaining-tokens").Single());
    }

    [Fact]
    public async Task ChatCompletions_MalformedJson_Returns400InOpenAIShape()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("v1/chat/completions", "{not json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("invalid_request_error", error["type"]!.GetValue<string>());
        Assert.True(error.AsObject().ContainsKey("param"));
        Assert.True(error.AsObject().ContainsKey("code"));
    }

    [Fact]
    public async Task Completions_Prompt_ReturnsTextCompletion()
    {
        var body = await PostJsonAsync("v1/completions", """{"model":"gpt-3.5-turbo-instruct","prompt":"Say this is a test"}""");

        Assert.Equal("text_completion", body["object"]!.GetValue<string>());
        Assert.Equal("This is a fake response to: Say this is a test", body["choices"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(5, body["usage"]!["prompt_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task Completions_Stream_SendsTextChunksFinishAndDone()
    {
        var events = await PostSseAsync("v1/completions", """{"model":"m","prompt":"Hi","stream":true}""");

        Assert.Equal("[DONE]", events[^1].Data);
        var chunks = events.SkipLast(1).Select(e => JsonNode.Parse(e.Data)!).ToList();
        Assert.Equal("This is a fake response to: Hi", string.Concat(chunks.Select(c => c["choices"]![0]!["text"]!.GetValue<string>())));
        Assert.Equal("stop", chunks[^1]["choices"]![0]!["finish_reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Responses_StringInput_ReturnsCompletedResponseWithOutputText()
    {
        var body = await PostJsonAsync("v1/responses", """{"model":"gpt-4.1","input":"Tell me a three sentence bedtime story about a unicorn."}""");

        Assert.Equal("response", body["object"]!.GetValue<string>());
        Assert.Equal("completed", body["status"]!.GetValue<string>());
        var part = body["output"]![0]!["content"]![0]!;
        Assert.Equal("output_text", part["type"]!.GetValue<string>());
        Assert.Equal("This is a fake response to: Tell me a three sentence bedtime story a", part["text"]!.GetValue<string>());
        Assert.Equal(14, body["usage"]!["input_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task Responses_Stream_SendsTypedEventsInOrder()
    {
        var events = await PostSseAsync("v1/responses", """{"model":"gpt-4.1","input":"Hi","stream":true}""");

        var names = events.Select(e => e.Event).Distinct().ToList();
        Assert.Equal(
            ["response.created", "response.in_progress", "response.output_item.added", "response.content_part.added", "response.output_text.delta",
             "response.output_text.done", "response.content_part.done", "response.output_item.done", "response.completed"],
            names);
        Assert.All(events, e => Assert.Equal(e.Event, JsonNode.Parse(e.Data)!["type"]!.GetValue<string>()));
        var sequence = events.Select(e => JsonNode.Parse(e.Data)!["sequence_number"]!.GetValue<int>()).ToList();
        Assert.Equal(Enumerable.Range(0, events.Count), sequence);
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject json, Action<JsonObject> change)
    {
        change(json);
        return json;
    }
}
