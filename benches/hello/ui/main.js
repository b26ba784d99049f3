// Mark the page ready the way Casefile does, so both are timed to the same kind of moment.
document.body.dataset.ready = 'yes';
performance.mark('interactive');
