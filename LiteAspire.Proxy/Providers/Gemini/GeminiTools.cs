using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Providers.Gemini;

/// <summary>OpenAI <c>tools</c> / <c>tool_choice</c> as Gemini <c>tools[].functionDeclarations</c> and <c>toolConfig</c>.</summary>
public static class GeminiTools
{
    // Gemini's own tools, accepted as-is in the OpenAI tools array (LiteLLM does the same).
    private static readonly HashSet<string> NativeTools = new(StringComparer.Ordinal)
    {
        "googleSearch", "google_search", "googleSearchRetrieval", "google_search_retrieval",
        "codeExecution", "code_execution", "urlContext", "url_context", "enterpriseWebSearch",
    };

    // Keys of JSON Schema that Gemini's OpenAPI-subset Schema rejects.
    private static readonly HashSet<string> UnsupportedSchemaKeys = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "additionalProperties", "strict", "$comment",
    };

    /// <summary>The Gemini <c>tools</c> array for OpenAI <c>tools</c>.</summary>
    public static JsonArray Translate(JsonNode? tools, string provider)
    {
        if (tools is not JsonArray list)
        {
            throw GeminiErrors.BadRequest(provider, "tools must be an array", "tools");
        }

        var declarations = new JsonArray();
        var result = new JsonArray();
        foreach (var tool in list)
        {
            if (tool is not JsonObject toolObject)
            {
                throw GeminiErrors.BadRequest(provider, "tools[] entries must be objects", "tools");
            }

            var type = toolObject["type"]?.GetValue<string>();
            if (type is null or "function" && toolObject["function"] is JsonObject function)
            {
                var declaration = new JsonObject
                {
                    ["name"] = function["name"]?.DeepClone() ?? throw GeminiErrors.BadRequest(provider, "tools[].function.name is required", "tools"),
                };
                if (function["description"] is { } description)
                {
                    declaration["description"] = description.DeepClone();
                }

                // Gemini rejects an object schema without properties; a function without arguments simply omits it.
                if (function["parameters"] is JsonObject parameters && !(parameters["properties"] is JsonObject { Count: 0 } || (parameters["type"]?.GetValue<string>() == "object" && parameters["properties"] is null)))
                {
                    declaration["parameters"] = CleanSchema(parameters);
                }

                declarations.Add(declaration);
                continue;
            }

            if (toolObject.Count == 1 && NativeTools.Contains(toolObject.First().Key))
            {
                result.Add(toolObject.DeepClone());
                continue;
            }

            throw GeminiErrors.BadRequest(provider, $"tool type '{type}' is not supported for Gemini", "tools");
        }

        if (declarations.Count > 0)
        {
            result.Insert(0, new JsonObject { ["functionDeclarations"] = declarations });
        }

        return result;
    }

    /// <summary>The Gemini <c>toolConfig</c> for OpenAI <c>tool_choice</c>.</summary>
    public static JsonObject ToolConfig(JsonNode toolChoice, string provider)
    {
        var config = new JsonObject();
        if (toolChoice.GetValueKind() == JsonValueKind.String)
        {
            config["mode"] = toolChoice.GetValue<string>() switch
            {
                "auto" => "AUTO",
                "none" => "NONE",
                "required" or "any" => "ANY",
                var other => throw GeminiErrors.BadRequest(provider, $"tool_choice '{other}' is not supported", "tool_choice"),
            };
        }
        else
        {
            var name = toolChoice["function"]?["name"]?.GetValue<string>()
                ?? throw GeminiErrors.BadRequest(provider, "tool_choice must be auto, none, required or {\"type\":\"function\",\"function\":{\"name\"}}", "tool_choice");
            config["mode"] = "ANY";
            config["allowedFunctionNames"] = new JsonArray { name };
        }

        return new JsonObject { ["functionCallingConfig"] = config };
    }

    /// <summary>A copy of a JSON Schema without the keys Gemini's schema rejects.</summary>
    public static JsonNode CleanSchema(JsonNode schema)
    {
        switch (schema)
        {
            case JsonObject obj:
                var clean = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (UnsupportedSchemaKeys.Contains(key))
                    {
                        continue;
                    }

                    // Under "properties" the keys are property names, not schema keywords: clean each value only.
                    if (key == "properties" && value is JsonObject properties)
                    {
                        var cleanProperties = new JsonObject();
                        foreach (var (name, property) in properties)
                        {
                            cleanProperties[name] = property is null ? null : CleanSchema(property);
                        }

                        clean[key] = cleanProperties;
                        continue;
                    }

                    clean[key] = value is null ? null : CleanSchema(value);
                }

                return clean;
            case JsonArray array:
                var cleanArray = new JsonArray();
                foreach (var item in array)
                {
                    cleanArray.Add(item is null ? null : CleanSchema(item));
                }

                return cleanArray;
            default:
                return schema.DeepClone();
        }
    }
}
