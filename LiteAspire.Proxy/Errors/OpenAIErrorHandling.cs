using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace LiteAspire.Proxy.Errors;

/// <summary>Makes every failure an OpenAI-shaped error: unhandled exceptions (never a stack trace) and bodiless 4xx/5xx such as unknown routes.</summary>
public static class OpenAIErrorHandling
{
    /// <summary>Adds the exception handler and status-code pages; call before mapping endpoints.</summary>
    public static WebApplication UseOpenAIErrors(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteExceptionAsync });
        app.UseStatusCodePages(context => WriteStatusAsync(context.HttpContext));
        return app;
    }

    /// <summary>Writes the error for the exception the exception-handler middleware caught (it has already logged it).</summary>
    public static Task WriteExceptionAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (exception is BadHttpRequestException badRequest)
        {
            return OpenAIError.WriteAsync(context, badRequest.StatusCode, badRequest.Message);
        }

        // The exception text may hold internals (connection strings, paths); the trace id finds it in the logs.
        return OpenAIError.WriteAsync(context, StatusCodes.Status500InternalServerError,
            $"Internal server error. Trace id: {context.TraceIdentifier}");
    }

    private static Task WriteStatusAsync(HttpContext context)
    {
        var status = context.Response.StatusCode;
        var request = context.Request;
        var message = status switch
        {
            404 => $"Route not found: {request.Method} {request.Path}",
            405 => $"Method {request.Method} is not allowed on {request.Path}",
            _ => ReasonPhrases.GetReasonPhrase(status),
        };
        return OpenAIError.WriteAsync(context, status, message);
    }
}
