using System.Text.Json;

using LiteAspire.FakeProvider.Faults;

using Microsoft.AspNetCore.Http;

namespace LiteAspire.FakeProvider.Wire;

/// <summary>Reads a request body as JSON, answering 400 in the provider's error shape when it is not.</summary>
internal static class RequestJson
{
    /// <summary>The parsed body (dispose it), or null after a 400 was written.</summary>
    public static async Task<JsonDocument?> ReadAsync(HttpContext context, FakeWire wire)
    {
        string problem;
        try
        {
            var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            problem = "The request body must be a JSON object.";
        }
        catch (JsonException)
        {
            problem = "We could not parse the JSON body of your request.";
        }

        await ProviderErrors.WriteAsync(context, wire, StatusCodes.Status400BadRequest, problem).ConfigureAwait(false);
        return null;
    }
}
