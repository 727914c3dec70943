"""What every browser journey needs: one headless Chromium, checks that count, waits, screenshots, forms, signing in."""
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

driver = None
base = shots = ""
passed = failed = 0


def start(base_url, shots_dir):
    """Opens the browser (Indonesian first, like most users) and returns it."""
    global driver, base, shots
    base, shots = base_url.rstrip("/"), shots_dir
    os.makedirs(shots, exist_ok=True)
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=id-ID"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "id-ID,id"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    return driver


def finish(name):
    driver.quit()
    print("%s: %d passed, %d failed" % (name, passed, failed))
    sys.exit(1 if failed else 0)


def check(name, condition):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print("FAILED:", name)


def shows(*texts, absent=()):
    """Waits up to 10 s for the page to contain every text (and none of `absent`)."""
    deadline = time.time() + 10
    while time.time() < deadline:
        source = driver.page_source
        if all(t in source for t in texts) and not any(t in source for t in absent):
            return True
        time.sleep(0.1)
    return False


def shot(name):
    driver.save_screenshot(os.path.join(shots, name + ".png"))


def click_and_wait(element):
    """Clicks a submit button and waits until the next page has replaced this one (no race with a later get).
    Any error from asking the old page (stale element, node no longer in the document) means it is gone."""
    old = driver.find_element(By.TAG_NAME, "html")
    element.click()
    deadline = time.time() + 10
    while time.time() < deadline:
        try:
            old.is_enabled()
        except Exception:
            return
        time.sleep(0.05)


def fill(field, value):
    element = driver.find_element(By.NAME, field)
    element.clear()
    element.send_keys(value)


def sign_in(email, password="demo-rembuk-2026"):
    driver.get(base + "/masuk")
    fill("identifier", email)
    fill("password", password)
    driver.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()
    shows("Akun saya")


def sign_out():
    driver.find_element(By.XPATH, "//button[normalize-space()='Keluar']").click()
    shows("Rencanakan pembangunan")


def last_code(gateway_file, e164, timeout=10):
    """The six-digit code in the newest gateway message to `e164` (the journeys' stand-in for reading one's phone)."""
    import json
    import re
    deadline = time.time() + timeout
    while time.time() < deadline:
        with open(gateway_file) as f:
            messages = [json.loads(line) for line in f if line.strip()]
        for message in reversed(messages):
            if message.get("to") == e164:
                found = re.search(r"\b(\d{6})\b", message.get("text", ""))
                if found:
                    return found.group(1)
        time.sleep(0.1)
    return None


def fill_usulan(title, problem, proposal, address, volume, satuan, cost, bidang="infrastruktur", desa="32.14.01.2010"):
    """Fills the usulan form on the current page (/usulan/baru) without sending it."""
    fill("title", title)
    fill("problem", problem)
    fill("proposal", proposal)
    driver.find_element(By.CSS_SELECTOR, "select[name=bidang] option[value=%s]" % bidang).click()
    driver.find_element(By.CSS_SELECTOR, "select[name=desa_code] option[value='%s']" % desa).click()
    fill("address", address)
    fill("volume", volume)
    fill("satuan", satuan)
    fill("cost", cost)
