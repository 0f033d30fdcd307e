$d1024_direct << EOD
1 9587.667 0.179
16 43323 0.631
64 57463.333 2.197
EOD
$d1024_proxy_pair << EOD
1 2786.667 0.524
16 8257.667 3.806
64 10841 12.312
EOD
$d1024_relay_pair << EOD
1 2032 0.757
16 10980.333 3.066
64 14343.854 8.074
EOD
$d1024_gateway_pair << EOD
1 548.667 5.661
16 3096.667 11.454
64 4176.667 28.721
EOD
$d65536_direct << EOD
1 2014 0.843
16 3418.667 8.474
64 3700 26.883
EOD
$d65536_proxy_pair << EOD
1 972.667 1.597
16 1853.667 17.25
64 2074.333 74.431
EOD
$d65536_relay_pair << EOD
1 895.333 1.992
16 1438.333 20.704
64 1744.667 60.976
EOD
$d65536_gateway_pair << EOD
1 328.667 6.142
16 786.667 36.259
64 794.333 115.658
EOD
$d1048576_direct << EOD
1 143.333 14.34
16 218 109.435
64 196.013 428.78
EOD
$d1048576_proxy_pair << EOD
1 89.667 21.221
16 126.246 179.706
64 119 745.454
EOD
$d1048576_relay_pair << EOD
1 72.333 21.584
16 111.333 217.895
64 89.037 993.805
EOD
$d1048576_gateway_pair << EOD
1 47.667 34.563
16 61 366.431
64 37.874 1803.431
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full-run16/benchmark-h2load.png'
set multiplot layout 3,2 title 'ExchangeGateway benchmark, h2load (medians)'
set logscale x 2
set xrange [0.8:80]
set xtics (1, 16, 64)
set xlabel 'concurrent calls'
set grid
set key top left
set title 'throughput, 1 KiB'
set ylabel 'requests/s'
set logscale y
plot $d1024_direct using 1:2 with linespoints title 'direct', $d1024_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:2 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 KiB'
set ylabel 'ms'
plot $d1024_direct using 1:3 with linespoints title 'direct', $d1024_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:3 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 64 KiB'
set ylabel 'requests/s'
set logscale y
plot $d65536_direct using 1:2 with linespoints title 'direct', $d65536_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:2 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 64 KiB'
set ylabel 'ms'
plot $d65536_direct using 1:3 with linespoints title 'direct', $d65536_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:3 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 1 MiB'
set ylabel 'requests/s'
set logscale y
plot $d1048576_direct using 1:2 with linespoints title 'direct', $d1048576_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:2 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 MiB'
set ylabel 'ms'
plot $d1048576_direct using 1:3 with linespoints title 'direct', $d1048576_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:3 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
unset multiplot
