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

    /// <summary>Registers cookie authentication, the role policies and <see cref="KeySignIn"/>.</summary>
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
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.LoginPath = LoginPath;
                options.AccessDeniedPath = "/denied";
                options.Events.OnRedirectToLogin = context => RefuseApiOrRedirect(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => RefuseApiOrRedirect(context, StatusCodes.Status403Forbidden);
            });
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

    /// <summary>Maps <c>POST /logout</c> (anti-forgery checked) which clears the cookie.</summary>
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

            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect(LoginPath);
        }).RequireAuthorization().DisableAntiforgery();
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
