"""The Five Whys check: a chain must not stop at a person or a mistake."""

from __future__ import annotations

from pmdesk.lint import check_five_whys

SYMPTOMS = ["Checkout returned 500s.", "The database host in the config was wrong."]


def test_chain_that_stops_at_a_person_gets_one_warning_with_the_next_question():
    (f,) = check_five_whys([*SYMPTOMS, "Omar typed the wrong hostname."], "Omar's mistake.")
    assert f.severity == "warning"
    assert "What made that mistake possible, or likely?" in f.message
    assert f.suggestions and f.where


def test_human_error_as_root_cause_stops_the_chain():
    assert check_five_whys(SYMPTOMS, "Human error.")


def test_a_role_that_did_not_check_stops_the_chain():
    assert check_five_whys([*SYMPTOMS, "The engineer did not check the value."], "Oversight.")


def test_a_person_midway_is_fine_when_the_chain_goes_on_into_the_system():
    whys = [
        *SYMPTOMS,
        "Amir edited the hostname by hand, and the new value had a typo.",
        "Hostnames live in a hand-edited file with no schema.",
    ]
    assert check_five_whys(whys, "Config values are not validated before deploy.") == []


def test_empty_chain_is_not_flagged():
    assert check_five_whys([], "") == []


def test_what_only_a_person_does_or_lacks_stops_the_chain():
    """Forgetting, skimming, not knowing: said of anyone, even a role no list knows."""
    assert check_five_whys([*SYMPTOMS, "The buyer forgot to upload the new price list."], "")
    assert check_five_whys([*SYMPTOMS, "The planner wasn't aware the option existed."], "")
    assert check_five_whys([*SYMPTOMS, "The approver skimmed the diff."], "")


def test_a_fix_put_on_people_stops_the_chain():
    assert check_five_whys(SYMPTOMS, "The contractor needs security awareness training.")
    assert check_five_whys(SYMPTOMS, "Inadequate review by the approving engineer.")
    assert check_five_whys(SYMPTOMS, "The warehouse clerk's forgetfulness.")


def test_a_system_that_lacks_something_does_not_stop_the_chain():
    whys = [*SYMPTOMS, "The restart tool is quorum-unaware and was reused for etcd."]
    assert not check_five_whys(whys, "The ranking model needs more training data.")


def test_a_person_not_careful_enough_or_a_talk_with_them_stops_the_chain():
    assert check_five_whys([*SYMPTOMS, "The technician wasn't careful enough with the labels."], "")
    assert check_five_whys([*SYMPTOMS, "She was not paying close attention to the host name."], "")
    assert check_five_whys(SYMPTOMS, "Remediation: retrain him on the release checklist.")
    assert check_five_whys(SYMPTOMS, "The approver will be reminded of the review policy.")
    assert check_five_whys([*SYMPTOMS, "The administrator on shift dismissed the alerts."], "")


def test_a_careful_design_or_a_reminder_system_does_not_stop_the_chain():
    whys = [
        *SYMPTOMS,
        "The deploy tool is not careful enough about hostnames: it never resolves them.",
    ]
    assert check_five_whys(whys, "Reminders for certificate renewal go to an unowned inbox.") == []


def test_a_chain_that_ends_in_trying_harder_or_a_sanction_stops_at_a_person():
    assert check_five_whys(SYMPTOMS, "Action: the engineer will be more careful with restores.")
    assert check_five_whys([*SYMPTOMS, "From now on he double-checks every host name."], "")
    assert check_five_whys([*SYMPTOMS, "Honestly, that one's on him."], "")
    assert check_five_whys([*SYMPTOMS, "Ines will complete change-management retraining."], "")
    assert check_five_whys([*SYMPTOMS, "His deploy rights were revoked for a month."], "")


def test_an_omission_a_process_not_followed_or_a_word_with_people_stops_the_chain():
    assert check_five_whys([*SYMPTOMS, "Didn't check the target before running it."], "")
    assert check_five_whys(SYMPTOMS, "Change procedure not followed.")
    assert check_five_whys(SYMPTOMS, "Pilot error.")
    assert check_five_whys([*SYMPTOMS, "The dispatcher misread the second ticket."], "")
    assert check_five_whys([*SYMPTOMS, "We have told the web team to follow the checklist."], "")


def test_a_system_that_did_not_check_or_a_process_error_does_not_stop_the_chain():
    whys = [*SYMPTOMS, "The deploy tool didn't check the target account before applying."]
    assert check_five_whys(whys, "Configuration error in the generated manifest.") == []


def test_a_persons_own_slip_absence_or_distraction_stops_the_chain():
    """Said of a role no list knows: the picker, the watchman, the fitter."""
    assert check_five_whys(SYMPTOMS, "The picker's slip on the scanner.")
    assert check_five_whys([*SYMPTOMS, "The watchman was away from his station."], "")
    assert check_five_whys([*SYMPTOMS, "The fitter was distracted by a radio call."], "")
    assert check_five_whys(SYMPTOMS, "Fitter distraction; fitter counselled.")


def test_a_system_that_distracts_or_a_component_error_does_not_stop_the_chain():
    whys = [*SYMPTOMS, "Forty alerts fired at once and buried the one that mattered."]
    assert check_five_whys(whys, "The alerting has no grouping, so floods hide the signal.") == []
    assert check_five_whys(SYMPTOMS, "The driver's error handling swallowed the timeout.") == []


def test_an_answer_after_its_question_a_non_compliance_or_no_cause_at_all_stops_the_chain():
    # answers written as "why …? answer": the person after the question mark
    assert check_five_whys([*SYMPTOMS, "Why not? Night staff didn't stick to the plan."], "")
    assert check_five_whys(SYMPTOMS, "Night staff non-compliance with the care plan.")
    assert check_five_whys([*SYMPTOMS, "why not? just didnt"], "")


def test_a_practice_named_management_is_not_the_managers():
    whys = [*SYMPTOMS, "Why no alert? Certificates are renewed by hand, outside monitoring."]
    assert check_five_whys(whys, "Certificate management is manual and not monitored.") == []
