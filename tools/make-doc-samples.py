#!/usr/bin/python3
"""Makes the Word 97-2003 (.doc) samples in samples/formats from the DOCX samples there, with LibreOffice.

Needs (Debian): libreoffice-writer (its python3-uno comes with it).
Run from the repository root, after tools/make-format-samples.py:  /usr/bin/python3 tools/make-doc-samples.py
Only the outputs are committed; this script records how they were made.

It writes:
  NAME-word97.doc          LibreOffice's "MS Word 97" export of NAME.docx (a stem of its own: NAME.expected.json is the DOCX's), for
                           seed-000-libreoffice, seed-002-libreoffice, seed-002-autonumber, seed-000-autonumber and
                           table-form-libreoffice. LibreOffice exports automatic numbering as Word list tables (LST/LFO);
                           where the DOCX restarts a level with a new list instance (seed-000-autonumber), LibreOffice's
                           export splits the list and the paragraphs after the restart start again from one, as
                           LibreOffice itself shows the .doc: that sample has numbers of its own.
  seed-002-renamed.wps     seed-002-libreoffice-word97.doc under the .wps extension. WPS Office saves .wps in the Word 97-2003
                           binary format; no WPS Office is available here, so this is a .doc renamed, which is also what
                           many sites serve as .wps.
  tests/Extractor.Tests/Corpus/doc/encrypted.doc
                           seed-002-libreoffice.docx saved by LibreOffice as "MS Word 97" with the password "extractor".
"""
import os, shutil, subprocess, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FORMATS = os.path.join(ROOT, 'samples', 'formats')
CORPUS = os.path.join(ROOT, 'tests', 'Extractor.Tests', 'Corpus', 'doc')
SOURCES = ['seed-000-libreoffice', 'seed-002-libreoffice', 'seed-002-autonumber', 'seed-000-autonumber', 'table-form-libreoffice']
TMP = tempfile.mkdtemp(prefix='extractor-doc-samples-')
PROFILE = f'-env:UserInstallation=file://{TMP}/lo-profile'

def convert():
    sources = [os.path.join(FORMATS, name + '.docx') for name in SOURCES]
    subprocess.run(['soffice', '--headless', '--norestore', PROFILE, '--convert-to', 'doc:MS Word 97', '--outdir', TMP, *sources],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for name in SOURCES:
        shutil.copy(os.path.join(TMP, name + '.doc'), os.path.join(FORMATS, name + '-word97.doc'))
    shutil.copy(os.path.join(FORMATS, 'seed-002-libreoffice-word97.doc'), os.path.join(FORMATS, 'seed-002-renamed.wps'))

def encrypted():
    """Saves with a password through UNO (soffice --convert-to cannot pass one), over a named pipe."""
    import uno
    from com.sun.star.beans import PropertyValue
    def prop(name, value):
        p = PropertyValue(); p.Name = name; p.Value = value; return p
    office = subprocess.Popen(['soffice', '--headless', '--norestore', PROFILE, '--accept=pipe,name=extractor-doc-samples;urp;'],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    for _ in range(120):
        try:
            context = resolver.resolve('uno:pipe,name=extractor-doc-samples;urp;StarOffice.ComponentContext')
            break
        except Exception:
            time.sleep(0.5)
    desktop = context.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', context)
    document = desktop.loadComponentFromURL('file://' + os.path.join(FORMATS, 'seed-002-libreoffice.docx'), '_blank', 0, (prop('Hidden', True),))
    os.makedirs(CORPUS, exist_ok=True)
    document.storeToURL('file://' + os.path.join(CORPUS, 'encrypted.doc'), (prop('FilterName', 'MS Word 97'), prop('Password', 'extractor')))
    document.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass  # the office quits before it answers
    office.wait(timeout=60)

def main():
    convert()
    encrypted()
    shutil.rmtree(TMP, ignore_errors=True)

if __name__ == '__main__':
    main()
