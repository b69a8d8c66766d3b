using System.Net;
using LiteAspire.Admin.ProxyApi;
using LiteAspire.Admin.ProxyApi.Sso;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace LiteAspire.Admin.Auth.Sso;

/// <summary>
/// Single sign-on through OpenID Connect (authorization code flow with PKCE), as an option next to key sign-in: the
/// provider's account becomes a dashboard session in the same cookie (see <see cref="SsoSignIn"/>).
/// </summary>
public static class SsoAuthentication
{
    /// <summary>The OpenID Connect scheme.</summary>
    public const string Scheme = "oidc";

    /// <summary>Where the sign-in page's single sign-on button goes (<c>?returnUrl=</c>).</summary>
    public const string StartPath = "/login/sso";

    /// <summary>Where the provider sends the browser back to.</summary>
    public const string CallbackPath = "/signin-oidc";

    /// <summary>The page that takes a freshly signed-in browser on to where it was going.</summary>
    public const string ContinuePath = "/login/sso/continue";

    /// <summary>Registers what single sign-on needs, and the OpenID Connect scheme when <c>Admin:Oidc</c> is configured.</summary>
    public static AuthenticationBuilder AddAdminSso(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        ArgumentNullException.ThrowIfNull(configuration);
        var services = authentication.Services;
        services.AddScoped<ServiceKeyCalls>();
        services.AddScoped<UiSessionKeys>();
        services.AddScoped<SsoUserDirectory>();
        services.AddScoped<SsoSignIn>();
        if (SsoSettings.From(configuration) is not { } settings)
        {
            return authentication;
        }

        if (OperatorKey.ServiceKey(configuration) is null)
        {
            throw new InvalidOperationException(
                $"Single sign-on ({SsoSettings.Section}) needs the dashboard's service key to find users and make their session keys: set LITELLM_MASTER_KEY.");
        }

        return authentication.AddOpenIdConnect(Scheme, "Single sign-on", options => Configure(options, settings));
    }

    /// <summary>Maps <c>GET /login/sso</c> (starts the sign-in) and its continue page, when single sign-on is configured.</summary>
    public static WebApplication MapAdminSso(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!SsoSettings.IsConfigured(app.Configuration))
        {
            return app;
        }

        app.MapGet(StartPath, (string? returnUrl) => Results.Challenge(
            new AuthenticationProperties { RedirectUri = $"{ContinuePath}?returnUrl={Uri.EscapeDataString(LocalReturnUrl.Of(returnUrl))}" },
            [Scheme])).AllowAnonymous();
        app.MapGet(ContinuePath, (string? returnUrl) => Results.Content(ContinuePage(LocalReturnUrl.Of(returnUrl)), "text/html; charset=utf-8"))
            .AllowAnonymous();
        return app;
    }

    private static void Configure(OpenIdConnectOptions options, SsoSettings settings)
    {
        options.Authority = settings.Authority;
        options.ClientId = settings.ClientId;
        options.ClientSecret = settings.ClientSecret;
        options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        options.Scope.Clear();
        foreach (var scope in settings.Scopes)
        {
            options.Scope.Add(scope);
        }

        options.CallbackPath = CallbackPath;
        options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        options.SaveTokens = false;
        options.GetClaimsFromUserInfoEndpoint = true;
        options.MapInboundClaims = false;
        options.DisableTelemetry = true;

        // The code comes back in the query of a top-level GET, which SameSite=Lax cookies accompany: so the correlation and
        // nonce cookies work on plain HTTP too (the admin serves HTTP behind the orchestrator), where None would need Secure.
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.NonceCookie.SameSite = SameSiteMode.Lax;
        options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

        options.Events.OnTicketReceived = SignInAsync;
        options.Events.OnAccessDenied = context =>
        {
            context.Response.Redirect(SsoFailure.LoginPath(SsoFailure.Cancelled));
            context.HandleResponse();
            return Task.CompletedTask;
        };
        options.Events.OnRemoteFailure = context =>
        {
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SsoAuthentication))
                .LogWarning("Single sign-on failed: {Reason}", context.Failure?.Message);
            context.Response.Redirect(SsoFailure.LoginPath(SsoFailure.Failed));
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }

    // After the provider's tokens (and user info) are validated: swap the provider's principal for the dashboard's.
    private static async Task SignInAsync(TicketReceivedContext context)
    {
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SsoSignIn>();
        var result = await signIn.SignInAsync(context.Principal!, context.HttpContext.RequestAborted);
        if (result.Principal is null)
        {
            context.Response.Redirect(SsoFailure.LoginPath(result.Failure!));
            context.HandleResponse();
            return;
        }

        context.Principal = result.Principal;
        context.Properties!.ExpiresUtc = result.ExpiresUtc;

        // The session key ends at a fixed time, so the cookie must not slide past it.
        context.Properties.AllowRefresh = false;
    }

    // The sign-in cookie is SameSite=Strict, and browsers do not send it on the redirect that ends a cross-site chain (from the
    // provider): this page, on this site, moves on to the target so the cookie goes along.
    private static string ContinuePage(string target)
    {
        var encoded = WebUtility.HtmlEncode(target);
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url={encoded}"><title>Signing in · LiteAspire Admin</title></head>
            <body><main><p>Signed in. <a href="{encoded}" data-testid="sso-continue">Continue</a></p></main></body>
            </html>
            """;
    }
}
