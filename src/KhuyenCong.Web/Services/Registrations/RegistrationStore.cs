using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Services.Registrations;

/// <summary>A draft row with its answers.</summary>
public sealed record Draft(RegistrationDraft Row, DraftData Data);

/// <summary>
/// Drafts (server-side, found through a random token in a cookie), the one transaction that turns a draft into
/// a registration, the public lookup and the erasure of personal data.
/// </summary>
public sealed class RegistrationStore(AppDbContext db, TimeProvider clock, IOptions<RegistrationOptions> options, MailOutbox mail)
{
    public const string Cookie = "kc-dang-ky";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IReadOnlyList<RegistrationPlace>? places;

    /// <summary>The places the form offers (<see cref="RegistrationPlaces"/>), read once per request.</summary>
    public async Task<IReadOnlyList<RegistrationPlace>> PlacesAsync(CancellationToken ct = default) =>
        places ??= await RegistrationPlaces.LoadAsync(db, ct);

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public async Task<Draft?> LoadAsync(HttpContext http, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.Request.Cookies.TryGetValue(Cookie, out var token) || token is not { Length: > 20 and < 100 })
        {
            return null;
        }

        var hash = Hash(token);
        var row = await db.RegistrationDrafts.FirstOrDefaultAsync(d => d.TokenHash == hash, ct);
        if (row is null)
        {
            return null;
        }

        var data = JsonSerializer.Deserialize<DraftData>(row.Data, Json) ?? new DraftData();
        return new Draft(row, data);
    }

    public bool IsExpired(Draft draft) => draft?.Row.RegistrationId is null && draft!.Row.ExpiresAt <= Now;

    /// <summary>A new draft with a fresh idempotency key; its token goes into a cookie for this path only.</summary>
    public async Task<Draft> StartAsync(HttpContext http, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = Now;
        var data = new DraftData { StartedAt = now };
        var row = new RegistrationDraft
        {
            TokenHash = Hash(token), Data = JsonSerializer.Serialize(data, Json),
            CreatedAt = now, UpdatedAt = now, ExpiresAt = now.AddMinutes(options.Value.DraftMinutes),
        };
        db.RegistrationDrafts.Add(row);
        await db.SaveChangesAsync(ct);
        http.Response.Cookies.Append(Cookie, token, new CookieOptions
        {
            HttpOnly = true, Path = "/dang-ky-ho-tro", SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, IsEssential = true,
        });
        return new Draft(row, data);
    }

    public async Task SaveAsync(Draft draft, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = Now;
        draft.Row.Data = JsonSerializer.Serialize(draft.Data, Json);
        draft.Row.UpdatedAt = now;
        draft.Row.ExpiresAt = now.AddMinutes(options.Value.DraftMinutes);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Stores the draft as a registration in one transaction (BEGIN IMMEDIATE, synchronous=FULL), numbered per
    /// year, with its outbox mail; a key already stored returns the stored registration instead of a second copy.
    /// </summary>
    public async Task<Registration> SubmitAsync(Draft draft, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var d = draft.Data;
        var places = await PlacesAsync(ct);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var existing = await db.Registrations.FirstOrDefaultAsync(r => r.IdempotencyKey == d.Key, ct);
                if (existing is not null)
                {
                    if (draft.Row.RegistrationId is null)
                    {
                        draft.Row.RegistrationId = existing.Id;
                        await db.SaveChangesAsync(ct);
                    }

                    await tx.CommitAsync(ct);
                    return existing;
                }

                var now = Now;
                var year = VietnamTime.ToLocal(now).Year;
                var number = (await db.Registrations.Where(r => r.Year == year).MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;
                var registration = RegistrationFields.FromDraft(d, places, now);
                (registration.Reference, registration.Year, registration.Number) = (RegistrationCatalog.Triage.Format(year, number), year, number);
                registration.AddEvent(TriageEventKind.Submitted, now, "người đăng ký", to: RegistrationStatus.New);
                db.Registrations.Add(registration);
                // The acknowledgement and the staff notice are written by the same commit as the registration.
                await mail.SubmittedAsync(registration, ct);
                await db.SaveChangesAsync(ct);
                // The draft keeps only the link to what was stored: its answers now live in the registration.
                draft.Row.RegistrationId = registration.Id;
                draft.Row.Data = JsonSerializer.Serialize(new DraftData { Key = d.Key, StartedAt = d.StartedAt, Done = d.Done }, Json);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return registration;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // A concurrent submission with the same key (or year number) won: look again.
                db.ChangeTracker.Clear();
                db.Attach(draft.Row);
            }
        }
    }

    public Task<Registration?> FindAsync(long id, CancellationToken ct = default) =>
        db.Registrations.Include(r => r.Events.OrderBy(e => e.At).ThenBy(e => e.Id)).FirstOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>The public lookup: null both when the reference is unknown and when the phone does not match.</summary>
    public async Task<Registration?> LookupAsync(string reference, string phone, CancellationToken ct = default)
    {
        var registration = await db.Registrations.AsNoTracking()
            .Include(r => r.Events.Where(e => e.IsPublic || e.Kind == RegistrationEventKind.StatusChanged || e.Kind == RegistrationEventKind.Submitted).OrderBy(e => e.At))
            .FirstOrDefaultAsync(r => r.Reference == reference, ct);
        var stored = Encoding.ASCII.GetBytes(registration?.Phone ?? "0000000000");
        var given = Encoding.ASCII.GetBytes(phone);
        var match = CryptographicOperations.FixedTimeEquals(stored, given);
        return registration is not null && registration.Phone is not null && match ? registration : null;
    }
}
