using LiteAspire.Admin.Auth.Sso;
using LiteAspire.Admin.ProxyApi.Sso;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;

namespace LiteAspire.Admin.Auth;

/// <summary>Cookie sign-in and the role policies every page and endpoint of the dashboard is behind.</summary>
public static class AdminAuthentication
{
    /// <summary>The sign-in page.</summary>
    public const string LoginPath = "/login";

    /// <summary>How long a sign-in lasts (sliding for a key; fixed for single sign-on, whose session key ends then).</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    /// <summary>Registers cookie authentication, single sign-on when configured, the role policies and <see cref="KeySignIn"/>.</summary>
    public static WebApplicationBuilder AddAdminAuthentication(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = ".LiteAspire.Admin";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = SessionLifetime;
                options.SlidingExpiration = true;
                options.LoginPath = LoginPath;
                options.AccessDeniedPath = "/denied";
                options.Events.OnRedirectToLogin = context => RefuseApiOrRedirect(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => RefuseApiOrRedirect(context, StatusCodes.Status403Forbidden);
            })
            .AddAdminSso(builder.Configuration);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AdminRoles.SignedIn, policy => policy.RequireRole(AdminRoles.SignInRoles))
            .AddPolicy(AdminRoles.ReadAll, policy => policy.RequireRole(AdminRoles.ProxyAdmin, AdminRoles.ProxyAdminViewer))
            .AddPolicy(AdminRoles.Admin, policy => policy.RequireRole(AdminRoles.ProxyAdmin))
            .SetDefaultPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireRole(AdminRoles.SignInRoles).Build());
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<KeySignIn>();
        builder.Services.AddScoped<CurrentOperator>();
        return builder;
    }

    /// <summary>
    /// Maps <c>POST /logout</c> (anti-forgery checked), which clears the cookie and deletes a single sign-on's session key, and
    /// the single sign-on endpoints when configured.
    /// </summary>
    public static WebApplication MapAdminAuthentication(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/logout", async (HttpContext context, IAntiforgery antiforgery) =>
        {
            // No form parameter binds here, so nothing else would check the token the form carries.
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            if (AdminClaims.MethodOf(context.User) == SsoSignIn.Method && AdminClaims.KeyOf(context.User) is { } sessionKey)
            {
                await context.RequestServices.GetRequiredService<UiSessionKeys>().DeleteAsync(sessionKey, context.RequestAborted);
            }

            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect(LoginPath);
        }).RequireAuthorization().DisableAntiforgery();
        app.MapAdminSso();
        return app;
    }

    // The JSON endpoints answer 401/403; pages redirect to the sign-in (or access-denied) page.
    private static Task RefuseApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            // An empty 401 would otherwise be re-executed as the (signed-in only) not-found page, i.e. a redirect.
            context.HttpContext.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
