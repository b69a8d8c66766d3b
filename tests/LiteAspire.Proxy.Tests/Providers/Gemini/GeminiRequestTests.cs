using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Providers.Gemini;
using static LiteAspire.Proxy.Tests.Providers.Gemini.GoogleTestData;

namespace LiteAspire.Proxy.Tests.Providers.Gemini;

public class GeminiRequestTests
{
    [Theory]
    [InlineData("generate-content")]
    [InlineData("function-calling")]
    [InlineData("function-result")]
    public void Translate_DocumentedExample_MatchesGeminiBody(string example)
    {
        var body = GeminiRequest.Translate(Call(FixtureJson($"{example}.openai-request.json")), "gemini");

        AssertJsonEqual(FixtureJson($"{example}.gemini-request.json"), body);
    }

    [Fact]
    public void Translate_ResponseFormatJsonSchema_SetsMimeTypeAndCleanedSchema()
    {
        var body = GeminiRequest.Translate(Call("""
            {"model":"gemini-2.5-flash","messages":[{"role":"user","content":"List a cookie recipe"}],
             "response_format":{"type":"json_schema","json_schema":{"name":"recipe","strict":true,"schema":{
               "$schema":"http://json-schema.org/draft-07/schema#","type":"object","additionalProperties":false,
               "properties":{"recipeName":{"type":"string"},"ingredients":{"type":"array","items":{"type":"string"}}},
               "required":["recipeName"]}}}}
            """), "gemini");

        AssertJsonEqual(JsonNode.Parse("""
            {"responseMimeType":"application/json","responseSchema":{"type":"object",
              "properties":{"recipeName":{"type":"string"},"ingredients":{"type":"array","items":{"type":"string"}}},
              "required":["recipeName"]}}
            """)!, body["generationConfig"]);
    }

    [Fact]
    public void Translate_JsonObjectLogprobsPenaltiesAndCompletionTokens_MapToGenerationConfig()
    {
        var body = GeminiRequest.Translate(Call("""
            {"model":"m","messages":[{"role":"user","content":"hi"}],"response_format":{"type":"json_object"},
             "logprobs":true,"top_logprobs":3,"presence_penalty":0.5,"frequency_penalty":0.25,"max_completion_tokens":64,"stop":"END"}
            """), "gemini");

        AssertJsonEqual(JsonNode.Parse("""
            {"responseMimeType":"application/json","responseLogprobs":true,"logprobs":3,"presencePenalty":0.5,
             "frequencyPenalty":0.25,"maxOutputTokens":64,"stopSequences":["END"]}
            """)!, body["generationConfig"]);
    }

    [Theory]
    [InlineData("low", 1024)]
    [InlineData("medium", 2048)]
    [InlineData("high", 4096)]
    public void Translate_ReasoningEffort_SetsThinkingBudgetWithThoughts(string effort, int budget)
    {
        var body = GeminiRequest.Translate(Call($$"""{"model":"m","messages":[{"role":"user","content":"hi"}],"reasoning_effort":"{{effort}}"}"""), "gemini");

        AssertJsonEqual(new JsonObject { ["thinkingBudget"] = budget, ["includeThoughts"] = true }, body["generationConfig"]!["thinkingConfig"]);
    }

    [Fact]
    public void Translate_ReasoningEffortNone_DisablesThinking()
    {
        var body = GeminiRequest.Translate(Call("""{"model":"m","messages":[{"role":"user","content":"hi"}],"reasoning_effort":"none"}"""), "gemini");

        AssertJsonEqual(new JsonObject { ["thinkingBudget"] = 0 }, body["generationConfig"]!["thinkingConfig"]);
    }

    [Theory]
    [InlineData("\"none\"", """{"functionCallingConfig":{"mode":"NONE"}}""")]
    [InlineData("\"required\"", """{"functionCallingConfig":{"mode":"ANY"}}""")]
    [InlineData("""{"type":"function","function":{"name":"schedule_meeting"}}""", """{"functionCallingConfig":{"mode":"ANY","allowedFunctionNames":["schedule_meeting"]}}""")]
    public void Translate_ToolChoice_MapsToFunctionCallingConfig(string toolChoice, string expected)
    {
        var body = GeminiRequest.Translate(Call($$"""{"model":"m","messages":[{"role":"user","content":"hi"}],"tool_choice":{{toolChoice}}}"""), "gemini");

        AssertJsonEqual(JsonNode.Parse(expected)!, body["toolConfig"]);
    }

    [Fact]
    public void Translate_UnsupportedParam_ThrowsUnsupportedParamsErrorNamingIt()
    {
        var error = Assert.Throws<ProviderException>(() =>
            GeminiRequest.Translate(Call("""{"model":"gemini-2.5-flash","messages":[{"role":"user","content":"hi"}],"logit_bias":{"50256":-100}}"""), "gemini"));

        Assert.Equal(LiteLLMErrorKind.UnsupportedParamsError, error.Kind);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("logit_bias", error.Param);
        Assert.StartsWith("litellm.UnsupportedParamsError: GeminiException - gemini does not support parameters: ['logit_bias']", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_UnsupportedParamWithDropParams_DropsIt()
    {
        var body = GeminiRequest.Translate(Call("""{"model":"m","messages":[{"role":"user","content":"hi"}],"logit_bias":{"1":1},"temperature":0.2}""", dropParams: true), "gemini");

        Assert.Null(body["logit_bias"]);
        AssertJsonEqual(new JsonObject { ["temperature"] = 0.2 }, body["generationConfig"]);
    }

    [Fact]
    public void Translate_ImageParts_BecomeInlineDataAndFileData()
    {
        var body = GeminiRequest.Translate(Call("""
            {"model":"m","messages":[{"role":"user","content":[
              {"type":"text","text":"Compare these"},
              {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}},
              {"type":"image_url","image_url":{"url":"gs://cloud-samples-data/generative-ai/image/scones.jpg"}},
              {"type":"image_url","image_url":"https://example.com/docs/report.pdf?download=1"}]}]}
            """), "gemini");

        AssertJsonEqual(JsonNode.Parse("""
            [{"text":"Compare these"},
             {"inline_data":{"mime_type":"image/png","data":"iVBORw0KGgo="}},
             {"file_data":{"mime_type":"image/jpeg","file_uri":"gs://cloud-samples-data/generative-ai/image/scones.jpg"}},
             {"file_data":{"mime_type":"application/pdf","file_uri":"https://example.com/docs/report.pdf?download=1"}}]
            """)!, body["contents"]![0]!["parts"]);
    }

    [Fact]
    public void Translate_ImageUrlWithoutKnownExtension_ThrowsBadRequest()
    {
        var error = Assert.Throws<ProviderException>(() => GeminiRequest.Translate(Call("""
            {"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"https://example.com/image"}}]}]}
            """), "gemini"));

        Assert.Equal(LiteLLMErrorKind.BadRequestError, error.Kind);
    }

    [Fact]
    public void Translate_ConsecutiveUserMessagesAndEmptyTurn_AreMergedAndGivenBlankText()
    {
        var body = GeminiRequest.Translate(Call("""
            {"model":"m","messages":[{"role":"user","content":"one"},{"role":"user","content":"two"},
              {"role":"assistant","content":""},{"role":"user","content":"three"}]}
            """), "gemini");

        AssertJsonEqual(JsonNode.Parse("""
            [{"role":"user","parts":[{"text":"one"},{"text":"two"}]},
             {"role":"model","parts":[{"text":" "}]},
             {"role":"user","parts":[{"text":"three"}]}]
            """)!, body["contents"]);
    }

    [Fact]
    public void Translate_OnlySystemMessage_SendsBlankUserTurn()
    {
        var body = GeminiRequest.Translate(Call("""{"model":"m","messages":[{"role":"system","content":"Be brief."}]}"""), "gemini");

        AssertJsonEqual(JsonNode.Parse("""[{"role":"user","parts":[{"text":" "}]}]""")!, body["contents"]);
        AssertJsonEqual(JsonNode.Parse("""{"parts":[{"text":"Be brief."}]}""")!, body["system_instruction"]);
    }

    [Fact]
    public void Translate_SafetySettingsFromDeploymentParams_AreSent()
    {
        var settings = new List<object?> { new Dictionary<string, object?> { ["category"] = "HARM_CATEGORY_HARASSMENT", ["threshold"] = "BLOCK_NONE" } };
        var call = Call(JsonNode.Parse("""{"model":"m","messages":[{"role":"user","content":"hi"}]}""")!.AsObject(),
            Deployment(parameters: new() { ["safety_settings"] = settings }));

        var body = GeminiRequest.Translate(call, "gemini");

        AssertJsonEqual(JsonNode.Parse("""[{"category":"HARM_CATEGORY_HARASSMENT","threshold":"BLOCK_NONE"}]""")!, body["safetySettings"]);
    }

    [Fact]
    public void Translate_SafetySettingsInRequest_AreSent()
    {
        var body = GeminiRequest.Translate(Call("""
            {"model":"m","messages":[{"role":"user","content":"hi"}],"safety_settings":[{"category":"HARM_CATEGORY_HATE_SPEECH","threshold":"BLOCK_ONLY_HIGH"}]}
            """), "gemini");

        AssertJsonEqual(JsonNode.Parse("""[{"category":"HARM_CATEGORY_HATE_SPEECH","threshold":"BLOCK_ONLY_HIGH"}]""")!, body["safetySettings"]);
    }

    [Fact]
    public void Translate_EmptyMessages_ThrowsBadRequest()
    {
        var error = Assert.Throws<ProviderException>(() => GeminiRequest.Translate(Call("""{"model":"m","messages":[]}"""), "gemini"));

        Assert.Equal(400, error.StatusCode);
    }

    [Theory]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"reasoning_effort":3}""")]
    [InlineData("""{"model":"m","messages":[{"role":42,"content":"hi"}]}""")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"modalities":"text"}""")]
    public void Translate_WrongJsonType_ThrowsBadRequest(string request)
    {
        var error = Assert.Throws<ProviderException>(() => GeminiRequest.Translate(Call(request), "gemini"));

        Assert.Equal(400, error.StatusCode);
    }
}
