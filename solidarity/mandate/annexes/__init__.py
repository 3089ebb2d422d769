"""The compiled annexes of a report (56/4 op. 19): what its calls for input received,
grouped by stakeholder type, and the visits and engagements of its period.

``content`` is the document as plain data (no Django), ``collect`` fills it from
the records, ``word`` and ``pdf`` write it as DOCX and PDF, and ``build`` stores
both for the report's page (run as a job of the queue).
"""
