using LiteAspire.Admin.ProxyApi.Sso;

namespace LiteAspire.Admin.Auth.Sso;

/// <summary>
/// Finds the LiteLLM user of a single sign-on account through the proxy, as LiteLLM does: by <c>sso_user_id</c> (the
/// provider's <c>sub</c>) first, then by email. The dashboard never creates users: an admin adds them first.
/// </summary>
public sealed class SsoUserDirectory(ServiceKeyCalls proxy)
{
    private const int PageSize = 100;

    // /user/list?user_email= matches a part of the address; a few pages cover every address that contains it.
    private const int MaxEmailPages = 5;

    /// <summary>The user, or the <see cref="SsoFailure"/> code of why there is none.</summary>
    /// <param name="subject">The provider's <c>sub</c>.</param>
    /// <param name="email">The account's email, or null.</param>
    /// <param name="emailVerified">False when the provider says the email is not verified (then it is not used).</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public async Task<(SsoUser? User, string? Failure)> FindAsync(string subject, string? email, bool emailVerified, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);

        // sso_user_ids is a comma-separated list: a subject with a comma cannot be asked for.
        if (!subject.Contains(',', StringComparison.Ordinal))
        {
            var linked = await proxy.GetAsync<SsoUserPage>($"/user/list?sso_user_ids={Uri.EscapeDataString(subject)}&page_size=2", cancellationToken)
                .ConfigureAwait(false);
            var matches = linked.Users.Where(u => string.Equals(u.SsoUserId, subject, StringComparison.Ordinal)).ToList();
            if (matches.Count == 1)
            {
                return (matches[0], null);
            }

            if (matches.Count > 1)
            {
                return (null, SsoFailure.Ambiguous);
            }
        }

        if (string.IsNullOrWhiteSpace(email) || !emailVerified)
        {
            return (null, SsoFailure.NoUser);
        }

        var byEmail = await ExactEmailAsync(email.Trim(), cancellationToken).ConfigureAwait(false);
        return byEmail.Count switch
        {
            0 => (null, SsoFailure.NoUser),
            > 1 => (null, SsoFailure.Ambiguous),
            // A user already linked to another account is not taken over by whoever shows the same email.
            _ when byEmail[0].SsoUserId is { Length: > 0 } other && !string.Equals(other, subject, StringComparison.Ordinal) => (null, SsoFailure.OtherAccount),
            _ => (byEmail[0], null),
        };
    }

    private async Task<List<SsoUser>> ExactEmailAsync(string email, CancellationToken cancellationToken)
    {
        var found = new List<SsoUser>();
        for (var page = 1; page <= MaxEmailPages; page++)
        {
            var answer = await proxy.GetAsync<SsoUserPage>(
                $"/user/list?user_email={Uri.EscapeDataString(email)}&page={page}&page_size={PageSize}", cancellationToken).ConfigureAwait(false);
            found.AddRange(answer.Users.Where(u => string.Equals(u.UserEmail?.Trim(), email, StringComparison.OrdinalIgnoreCase)));
            if (page >= answer.TotalPages)
            {
                break;
            }
        }

        return found;
    }
}
