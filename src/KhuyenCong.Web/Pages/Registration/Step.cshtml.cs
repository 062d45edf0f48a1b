using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Pages.Registration;

/// <summary>
/// One question page of the form. GET opens a step only when the steps before it are answered; POST validates
/// the step's fields, saves them into the draft and moves on (or back to the check page after a change).
/// </summary>
public class StepModel(RegistrationStore store, ProgramPeriods periods) : RegistrationPageModel(store)
{
    [FromRoute] public string Step { get; set; } = "";
    [BindProperty] public RegistrationForm Form { get; set; } = new();
    /// <summary>"1" when the page was opened from a Change link of the check page.</summary>
    [BindProperty(SupportsGet = true, Name = "doi")] public string? Change { get; set; }

    public int Number { get; private set; }
    public int Total { get; private set; }
    public string BackLink { get; private set; } = Start;
    public bool Changing => Change == "1";

    /// <summary>The places the place question offers (<see cref="RegistrationPlaces"/>).</summary>
    public IReadOnlyList<RegistrationPlace> Places { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!RegistrationSteps.All.Contains(Step))
        {
            return NotFound();
        }

        if (await GuardGetAsync(Step, ct) is { } elsewhere)
        {
            return elsewhere;
        }

        Form = RegistrationForm.FromDraft(Draft!.Data);
        await PrepareAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!RegistrationSteps.All.Contains(Step))
        {
            return NotFound();
        }

        if (await GuardPostAsync(Step, Form.Website, ct) is { } refused)
        {
            return refused;
        }

        var errors = Step == RegistrationSteps.Support && await LinesOutsideTheProgrammeAsync(Form.Lines, ct) is { } outside
            ? new Dictionary<string, string> { [nameof(Form.Lines)] = outside }
            : RegistrationSteps.Apply(Step, Form, Draft!.Data, Store.Now, await Store.PlacesAsync(ct));
        if (errors.Count > 0)
        {
            foreach (var (field, message) in errors)
            {
                ModelState.AddModelError(field.Length == 0 ? "" : "Form." + field, message);
            }

            await PrepareAsync(ct);
            MarkRefused();
            return Page();
        }

        await Store.SaveAsync(Draft!, ct);
        if (Step == RegistrationSteps.Place && Draft!.Data.IsOutsideProvince)
        {
            return Redirect(IneligiblePath);
        }

        var next = Changing
            ? RegistrationSteps.FirstMissing(Draft!.Data) ?? RegistrationSteps.Check
            : RegistrationSteps.Next(Draft!.Data, Step);
        return Redirect(StepPath(next));
    }

    /// <summary>
    /// While a programme period runs, only its support lines (and "other") may be asked for: the page offers no
    /// other, and a posted one is refused with the reason. With none running, every kind is recorded as interest.
    /// </summary>
    private async Task<string?> LinesOutsideTheProgrammeAsync(IEnumerable<string>? lines, CancellationToken ct)
    {
        var calendar = await periods.CalendarAsync(ct);
        var outside = calendar.LinesOutsideCurrent(lines);
        return outside.Count == 0 ? null : calendar.LinesOutsideText(outside);
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        Places = await Store.PlacesAsync(ct);
        var d = Draft!.Data;
        Number = RegistrationSteps.Number(d, Step);
        Total = RegistrationSteps.Total(d);
        var previous = RegistrationSteps.Previous(d, Step);
        BackLink = Changing ? StepPath(RegistrationSteps.Check) : previous is null ? Start : StepPath(previous);
        Describe(RegistrationSteps.Titles[Step]);
    }

    public bool Checked(string? value, string code) => value == code;
    public bool Has(string code) => Form.Lines?.Contains(code) == true;
}
